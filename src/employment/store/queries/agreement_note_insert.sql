-- $1 agreement, $2 topic, $3 noted on, $4 text, $5 author, $6 now.
INSERT INTO agreement_notes (agreement_id, topic, noted_on, text, author_user_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
