-- The same filters as enterprises_list.sql, without paging.
SELECT COUNT(*)
FROM enterprises e
WHERE (CAST($1 AS TEXT) = '' OR e.kind = $1)
  AND (CAST($2 AS TEXT) = '' OR e.status = $2)
  AND (CAST($3 AS TEXT) = '' OR e.municipality = $3)
  AND (CAST($4 AS TEXT) = '' OR EXISTS (SELECT 1 FROM enterprise_target_groups t
                                         WHERE t.enterprise_id = e.id AND t.code = $4))
  AND (CAST($5 AS TEXT) = '' OR (CAST($5 AS TEXT) = 'yes' AND e.status = 'registered_rsv')
                             OR (CAST($5 AS TEXT) = 'no' AND e.status <> 'registered_rsv'))
  AND (CAST($6 AS TEXT) = '' OR e.name_key LIKE $6 ESCAPE '\')
  AND (CAST($7 AS BIGINT) = 0 OR e.id = $7)
