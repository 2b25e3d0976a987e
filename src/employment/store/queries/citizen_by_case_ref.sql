-- $1 case reference.
SELECT id, case_ref, name, target_group, wished_hours_min, wished_hours_max, postcode, transport, note,
       legal_hold, legal_hold_reason, anonymised_at, created_at, updated_at
FROM citizens
WHERE case_ref = $1
