-- $1 id, $2 active (0/1).
UPDATE placement_outcomes SET active = $2 WHERE id = $1
