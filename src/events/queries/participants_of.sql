SELECT p.event_id, COALESCE(p.enterprise_id, 0), COALESCE(en.name, p.name), p.invited, p.present
FROM event_participants p
LEFT JOIN enterprises en ON en.id = p.enterprise_id
WHERE p.event_id = $1
ORDER BY p.position
