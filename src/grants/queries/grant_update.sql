-- $1 id, $2 enterprise, $3 year, $4 amount (øre), $5 approximate, $6 source, $7 purpose, $8 now.
UPDATE grants SET enterprise_id = $2, year = $3, amount_oere = $4, approximate = $5, source = $6, purpose = $7,
                  updated_at = $8
WHERE id = $1
