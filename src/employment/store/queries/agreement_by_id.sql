-- One agreement with slots in use and waiting. $1 id.
SELECT a.id, a.enterprise_id, e.name, a.title, a.start_date, a.end_date, a.slots, a.frame_weeks, a.extension_weeks,
       a.plan_deadline_days, a.attendance_interval_months, a.target_description, a.price_ore, a.price_unit,
       a.deliverables,
       (SELECT COUNT(*) FROM placements p WHERE p.agreement_id = a.id AND p.status IN ('referred', 'active')),
       (SELECT COUNT(*) FROM placements p WHERE p.agreement_id = a.id AND p.status = 'waiting')
FROM agreements a
JOIN enterprises e ON e.id = a.enterprise_id
WHERE a.id = $1
