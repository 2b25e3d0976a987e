-- $1 id, $2 status, $3 answer, $4 now, $5 user (or NULL).
UPDATE buying_requests
SET status = $2, answer = $3, answered_at = $4, answered_by = $5, updated_at = $4
WHERE id = $1
