-- $1 placement, $2 decided on, $3 weeks, $4 new end, $5 reason, $6 user, $7 now.
INSERT INTO placement_extensions (placement_id, decided_on, weeks, new_end, reason, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
