-- The citizens package's citizen by case reference (read-only): id, case_ref, name, anonymised_at.
SELECT id, case_ref, name, anonymised_at FROM citizens WHERE case_ref = $1
