-- Read-only join on citizens. $1 case reference.
SELECT id, name, case_ref FROM citizens WHERE case_ref = $1
