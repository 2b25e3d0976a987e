SELECT id, status, happened_on, note, recorded_at, recorded_by_name
FROM enterprise_status_history
WHERE enterprise_id = $1
ORDER BY happened_on DESC, id DESC
