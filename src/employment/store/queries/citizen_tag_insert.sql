INSERT INTO citizen_tags (citizen_id, kind, tag) VALUES ($1, $2, $3)
