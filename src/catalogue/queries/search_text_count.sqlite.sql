-- Public search. Params: $1 search expression ('' in the browse variant), $2 category code,
-- $3 municipality, $4 target group code, $5 rsv ('yes'/'no'), $6 enterprise id (0 = any);
-- '' or 0 does not filter.
WITH hits AS MATERIALIZED (SELECT rowid AS id FROM catalogue_fts WHERE catalogue_fts MATCH $1)
SELECT COUNT(*)
FROM hits
JOIN catalogue_items i ON i.id = hits.id
JOIN enterprises e ON e.id = i.enterprise_id
WHERE i.status = 'published' AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
  AND (CAST($2 AS TEXT) = '' OR i.category = $2)
  AND (CAST($3 AS TEXT) = '' OR e.municipality = $3)
  AND (CAST($4 AS TEXT) = '' OR EXISTS (SELECT 1 FROM enterprise_target_groups t
                                         WHERE t.enterprise_id = e.id AND t.code = $4))
  AND (CAST($5 AS TEXT) = '' OR (CAST($5 AS TEXT) = 'yes' AND e.status = 'registered_rsv')
                             OR (CAST($5 AS TEXT) = 'no' AND e.status <> 'registered_rsv'))
  AND (CAST($6 AS BIGINT) = 0 OR i.enterprise_id = $6)
