-- The registry's read API (directory.hpp): names of ids. $1 a JSON array of ids (db::id_list).
SELECT id, name FROM enterprises WHERE id IN (SELECT value FROM json_each($1))
