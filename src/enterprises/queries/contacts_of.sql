SELECT id, enterprise_id, name, title, email, phone
FROM enterprise_contacts
WHERE enterprise_id = $1
ORDER BY name, id
