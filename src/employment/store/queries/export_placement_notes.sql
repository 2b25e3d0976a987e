SELECT n.id, n.placement_id, n.noted_on, n.text, n.author_role, n.created_at
FROM placement_notes n JOIN placements p ON p.id = n.placement_id
WHERE p.citizen_id = $1 ORDER BY n.placement_id, n.noted_on, n.id
