SELECT s.id, s.placement_id, s.period_from, s.period_to, s.days_planned, s.days_present, s.hours_present, s.note,
       s.submitted_on, s.created_at
FROM placement_attendance s JOIN placements p ON p.id = s.placement_id
WHERE p.citizen_id = $1 ORDER BY s.placement_id, s.period_from, s.id
