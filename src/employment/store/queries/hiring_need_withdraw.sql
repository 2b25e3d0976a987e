-- $1 id, $2 now.
UPDATE hiring_needs SET status = 'withdrawn', updated_at = $2 WHERE id = $1
