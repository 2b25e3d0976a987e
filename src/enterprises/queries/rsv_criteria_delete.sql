DELETE FROM rsv_criteria WHERE enterprise_id = $1
