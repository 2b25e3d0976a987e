-- The registry's read API (directory.hpp): names of ids. $1 a JSON array of ids (db::id_list).
SELECT id, name FROM enterprises
WHERE id IN (SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS JSONB)))
