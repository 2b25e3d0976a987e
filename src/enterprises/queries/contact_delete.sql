DELETE FROM enterprise_contacts WHERE id = $1 AND enterprise_id = $2
