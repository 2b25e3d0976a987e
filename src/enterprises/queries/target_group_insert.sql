INSERT INTO enterprise_target_groups (enterprise_id, code) VALUES ($1, $2)
