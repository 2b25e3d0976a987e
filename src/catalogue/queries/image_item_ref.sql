-- The owner and status of an item ($1 id) for the image functions' access checks.
SELECT i.enterprise_id, i.status FROM catalogue_items i WHERE i.id = $1
