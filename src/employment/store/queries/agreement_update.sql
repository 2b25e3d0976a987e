-- $1 id, then as agreement_insert $1..$14 shifted by one.
UPDATE agreements SET enterprise_id = $2, title = $3, start_date = $4, end_date = $5, slots = $6, frame_weeks = $7,
       extension_weeks = $8, plan_deadline_days = $9, attendance_interval_months = $10, target_description = $11,
       price_ore = $12, price_unit = $13, deliverables = $14, updated_at = $15
WHERE id = $1
