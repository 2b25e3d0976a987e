-- $1 placement, $2 held on, $3 kind, $4 note, $5 user, $6 now.
INSERT INTO placement_followups (placement_id, held_on, kind, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
