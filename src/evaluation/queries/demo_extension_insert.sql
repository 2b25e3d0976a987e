INSERT INTO placement_extensions (placement_id, decided_on, weeks, new_end, reason, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
