DELETE FROM opening_attributes WHERE source = $1 AND source_id = $2
