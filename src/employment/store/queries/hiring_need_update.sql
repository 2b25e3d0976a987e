-- $1 id, $2 title, $3 tasks, $4 expected on, $5 positions, $6 now.
UPDATE hiring_needs SET title = $2, tasks = $3, expected_on = $4, positions = $5, updated_at = $6 WHERE id = $1
