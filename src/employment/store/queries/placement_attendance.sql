-- $1 placement.
SELECT id, period_from, period_to, days_planned, days_present, hours_present, submitted_on, note
FROM placement_attendance WHERE placement_id = $1 ORDER BY period_from, id
