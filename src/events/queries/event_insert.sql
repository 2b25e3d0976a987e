-- $1 held_on, $2 kind, $3 title, $4 theme, $5 place, $6 summary, $7 now, $8 user (or NULL).
INSERT INTO events (held_on, kind, title, theme, place, summary, created_at, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7)
RETURNING id
