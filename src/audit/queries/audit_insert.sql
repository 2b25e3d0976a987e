INSERT INTO audit_log (at, user_id, username, role, enterprise_id, action, object_type, object_id,
                       criteria, purpose, client_ip, request_id, outcome)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
