-- Public search. Params: $1 search expression ('' in the browse variant), $2 category code,
-- $3 municipality, $4 target group code, $5 rsv ('yes'/'no'), $6 enterprise id (0 = any);
-- '' or 0 does not filter. $7 sort (relevance, title, price, newest), $8 limit, $9 offset.
-- Public = published, of a social enterprise or initiative that is not closed (docs/catalogue.md).
-- $1 is an FTS5 expression built by catalogue::fts5_match_expression (quoted words only).
-- The full-text query runs once, first (MATERIALIZED): joined directly, SQLite may re-run MATCH
-- for every candidate row, which took seconds at 100 000 items.
WITH hits AS MATERIALIZED (
    SELECT rowid AS id, bm25(catalogue_fts, 5.0, 1.0) AS rank FROM catalogue_fts WHERE catalogue_fts MATCH $1
)
SELECT i.id, i.enterprise_id, e.name, i.title, i.description, i.category, COALESCE(v.label, i.category), i.price_oere,
       i.unit, i.delivery_area, i.status, i.published_at, i.created_at, i.updated_at, e.municipality
FROM hits
JOIN catalogue_items i ON i.id = hits.id
JOIN enterprises e ON e.id = i.enterprise_id
LEFT JOIN vocabulary v ON v.kind = 'catalogue_category' AND v.code = i.category
WHERE i.status = 'published' AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
  AND (CAST($2 AS TEXT) = '' OR i.category = $2)
  AND (CAST($3 AS TEXT) = '' OR e.municipality = $3)
  AND (CAST($4 AS TEXT) = '' OR EXISTS (SELECT 1 FROM enterprise_target_groups t
                                         WHERE t.enterprise_id = e.id AND t.code = $4))
  AND (CAST($5 AS TEXT) = '' OR (CAST($5 AS TEXT) = 'yes' AND e.status = 'registered_rsv')
                             OR (CAST($5 AS TEXT) = 'no' AND e.status <> 'registered_rsv'))
  AND (CAST($6 AS BIGINT) = 0 OR i.enterprise_id = $6)
ORDER BY
  CASE WHEN CAST($7 AS TEXT) = 'price' THEN i.price_oere IS NULL END,
  CASE WHEN CAST($7 AS TEXT) = 'price' THEN i.price_oere END,
  CASE WHEN CAST($7 AS TEXT) = 'newest' THEN i.published_at END DESC,
  CASE WHEN CAST($7 AS TEXT) = 'relevance' THEN hits.rank END,
  i.title_key, i.id
LIMIT $8 OFFSET $9
