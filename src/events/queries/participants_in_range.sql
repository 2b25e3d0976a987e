-- Participants of the events dated in [$1, $2), by event and position. Registry enterprises
-- show their current name (read-only join on enterprises).
SELECT p.event_id, COALESCE(p.enterprise_id, 0), COALESCE(en.name, p.name), p.invited, p.present
FROM event_participants p
JOIN events e ON e.id = p.event_id
LEFT JOIN enterprises en ON en.id = p.enterprise_id
WHERE e.held_on >= $1 AND e.held_on < $2
ORDER BY p.event_id, p.position
