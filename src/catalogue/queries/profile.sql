-- The PUBLIC fields of one enterprise ($1), only when it is a social enterprise or initiative,
-- not closed, and has at least one published item. Contact persons, CVR, address, employees,
-- plans and the status history are never selected here.
SELECT e.id, e.name, e.kind, e.municipality, e.purpose, e.description, e.website, e.status
FROM enterprises e
WHERE e.id = $1
  AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
  AND EXISTS (SELECT 1 FROM catalogue_items i WHERE i.enterprise_id = e.id AND i.status = 'published')
