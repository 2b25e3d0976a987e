-- $1 placement, $2 noted on, $3 text, $4 author, $5 author role, $6 now.
INSERT INTO placement_notes (placement_id, noted_on, text, author_user_id, author_role, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
