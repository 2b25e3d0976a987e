-- The one INSERT into agreements: the placements service, the employment import and the 2018
-- fixture. $1 enterprise, $2 title, $3 start, $4 end (or NULL), $5 slots, $6 frame weeks,
-- $7 extension weeks, $8 plan deadline days, $9 attendance interval months, $10 target
-- description, $11 price øre, $12 price unit, $13 deliverables, $14 now.
INSERT INTO agreements (enterprise_id, title, start_date, end_date, slots, frame_weeks, extension_weeks,
                        plan_deadline_days, attendance_interval_months, target_description, price_ore, price_unit,
                        deliverables, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
RETURNING id
