INSERT INTO placement_notes (placement_id, noted_on, text, author_role, created_at) VALUES ($1, $2, $3, $4, $5)
