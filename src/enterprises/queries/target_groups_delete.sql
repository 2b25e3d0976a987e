DELETE FROM enterprise_target_groups WHERE enterprise_id = $1
