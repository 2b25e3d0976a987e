-- $1 search text lower-cased ('' = all), $2 the same as a LIKE pattern, $3 target group ('' = all).
SELECT id, case_ref, name, target_group, wished_hours_min, wished_hours_max, postcode, transport, note,
       legal_hold, legal_hold_reason, anonymised_at, created_at, updated_at
FROM citizens
WHERE (CAST($1 AS TEXT) = '' OR name_key LIKE $2 ESCAPE '\' OR LOWER(case_ref) LIKE $2 ESCAPE '\')
  AND (CAST($3 AS TEXT) = '' OR target_group = $3)
ORDER BY name_key, id
LIMIT 1000
