INSERT INTO enterprise_contacts (enterprise_id, name, title, email, phone, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
