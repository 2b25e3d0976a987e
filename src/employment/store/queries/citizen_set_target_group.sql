-- $1 id, $2 target group, $3 now.
UPDATE citizens SET target_group = $2, updated_at = $3 WHERE id = $1
