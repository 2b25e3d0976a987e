SELECT criterion, met, evidence, updated_at, updated_by_name
FROM rsv_criteria
WHERE enterprise_id = $1
