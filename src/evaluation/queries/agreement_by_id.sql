-- One cooperation agreement with its enterprise's name (agreements, enterprises: read-only).
SELECT a.id, a.enterprise_id, e.name, a.title, a.start_date, a.end_date, a.slots, a.frame_weeks,
       a.extension_weeks, a.plan_deadline_days, a.attendance_interval_months, a.price_ore, a.price_unit,
       a.deliverables
FROM agreements a
JOIN enterprises e ON e.id = a.enterprise_id
WHERE a.id = $1
