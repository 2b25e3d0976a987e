SELECT at, action, purpose, role, username
FROM audit_log
WHERE object_type = $1 AND object_id = $2
ORDER BY at, id
