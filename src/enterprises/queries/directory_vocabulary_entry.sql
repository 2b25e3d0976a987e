-- The registry's read API (directory.hpp): one vocabulary entry. $1 kind, $2 code.
SELECT id, kind, code, label, active, sort FROM vocabulary WHERE kind = $1 AND code = $2
