-- Events dated in [$1, $2), by date; $3 = 0 for all, else only events with that enterprise
-- among the participants.
SELECT e.id, e.held_on, e.kind, e.title, e.theme, e.place, e.summary
FROM events e
WHERE e.held_on >= $1 AND e.held_on < $2
  AND ($3 = 0 OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.enterprise_id = $3))
ORDER BY e.held_on, e.id
