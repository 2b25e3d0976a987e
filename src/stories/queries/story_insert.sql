-- $1 title, $2 body, $3 story_date, $4 published 0/1, $5 now, $6 user (or NULL).
INSERT INTO stories (title, body, story_date, published, created_at, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $5)
RETURNING id
