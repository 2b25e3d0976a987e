SELECT f.id, f.placement_id, f.held_on, f.kind, f.note, f.created_at
FROM placement_followups f JOIN placements p ON p.id = f.placement_id
WHERE p.citizen_id = $1 ORDER BY f.placement_id, f.held_on, f.id
