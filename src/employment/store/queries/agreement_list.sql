-- Agreements, newest start first. $1 enterprise (0 = all).
SELECT a.id, a.enterprise_id, e.name, a.title, a.start_date, a.end_date, a.slots, a.frame_weeks, a.extension_weeks,
       a.plan_deadline_days, a.attendance_interval_months, a.target_description, a.price_ore, a.price_unit,
       a.deliverables,
       (SELECT COUNT(*) FROM placements p WHERE p.agreement_id = a.id AND p.status IN ('referred', 'active')),
       (SELECT COUNT(*) FROM placements p WHERE p.agreement_id = a.id AND p.status = 'waiting')
FROM agreements a
JOIN enterprises e ON e.id = a.enterprise_id
WHERE (CAST($1 AS BIGINT) = 0 OR a.enterprise_id = $1)
ORDER BY a.start_date DESC, a.id DESC
LIMIT 1000
