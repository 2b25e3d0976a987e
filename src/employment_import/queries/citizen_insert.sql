-- $1 case_ref, $2 name, $3 name_key, $4 target group (or NULL), $5 now.
INSERT INTO citizens (case_ref, name, name_key, target_group, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $5)
RETURNING id
