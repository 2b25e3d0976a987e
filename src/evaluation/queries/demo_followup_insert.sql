INSERT INTO placement_followups (placement_id, held_on, kind, note, created_at) VALUES ($1, $2, $3, $4, $5)
