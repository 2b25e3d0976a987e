-- $1 enterprise, $2 title, $3 start, $4 slots, $5 frame weeks, $6 extension weeks, $7 plan deadline
-- days, $8 attendance months, $9 target description, $10 price (øre), $11 price unit,
-- $12 deliverables, $13 now.
INSERT INTO agreements (enterprise_id, title, start_date, end_date, slots, frame_weeks, extension_weeks,
                        plan_deadline_days, attendance_interval_months, target_description, price_ore,
                        price_unit, deliverables, created_at, updated_at)
VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
RETURNING id
