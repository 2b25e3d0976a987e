-- Attendance sheets whose period ends within [$2, $3], for the agreement's placements.
SELECT a.placement_id, a.period_to
FROM placement_attendance a
JOIN placements p ON p.id = a.placement_id
WHERE p.agreement_id = $1 AND a.period_to >= $2 AND a.period_to <= $3
ORDER BY a.period_to, a.id
