-- Read-only join on citizens. $1 id.
SELECT id, name, case_ref FROM citizens WHERE id = $1
