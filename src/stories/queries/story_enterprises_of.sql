-- The enterprises of a story, in the order chosen (read-only join on the registry).
SELECT e.id, e.name FROM story_enterprises se JOIN enterprises e ON e.id = se.enterprise_id
WHERE se.story_id = $1
ORDER BY se.position
