-- The registry's read API (directory.hpp): one enterprise. $1 id.
SELECT id, name, kind, employees, COALESCE(cvr, ''), municipality FROM enterprises WHERE id = $1
