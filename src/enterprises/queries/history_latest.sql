SELECT status, happened_on
FROM enterprise_status_history
WHERE enterprise_id = $1
ORDER BY happened_on DESC, id DESC
LIMIT 1
