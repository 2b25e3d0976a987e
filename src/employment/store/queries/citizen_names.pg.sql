-- Names of citizens by id. $1 a JSON array of ids (db::id_list).
SELECT id, name FROM citizens
WHERE id IN (SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS JSONB)))
