-- The enterprises of the stories dated in [$1, $2), by story and position.
SELECT se.story_id, e.id, e.name
FROM story_enterprises se
JOIN stories s ON s.id = se.story_id
JOIN enterprises e ON e.id = se.enterprise_id
WHERE s.story_date >= $1 AND s.story_date < $2
ORDER BY se.story_id, se.position
