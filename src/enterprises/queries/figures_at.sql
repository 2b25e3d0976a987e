-- 002 Table 1 at date $1 for municipality $2 ('' = all): the status each social enterprise
-- or initiative had on $1 is its latest history row with happened_on <= $1 (ties: the later
-- entry). Columns: total (established or registered RSV), registered (registered RSV),
-- on the way.
SELECT COALESCE(SUM(CASE WHEN h.status IN ('established', 'registered_rsv') THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN h.status = 'registered_rsv' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN h.status = 'on_the_way' THEN 1 ELSE 0 END), 0)
FROM enterprise_status_history h
JOIN enterprises e ON e.id = h.enterprise_id
WHERE e.kind IN ('social_enterprise', 'initiative')
  AND (CAST($2 AS TEXT) = '' OR e.municipality = $2)
  AND h.happened_on <= $1
  AND NOT EXISTS (SELECT 1 FROM enterprise_status_history l
                  WHERE l.enterprise_id = h.enterprise_id AND l.happened_on <= $1
                    AND (l.happened_on > h.happened_on OR (l.happened_on = h.happened_on AND l.id > h.id)))
