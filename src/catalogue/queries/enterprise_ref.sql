-- The registry fields the catalogue needs about one enterprise (read only).
SELECT e.id, e.name, e.kind FROM enterprises e WHERE e.id = $1
