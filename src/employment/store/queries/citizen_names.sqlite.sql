-- Names of citizens by id. $1 a JSON array of ids (db::id_list).
SELECT id, name FROM citizens WHERE id IN (SELECT value FROM json_each($1))
