-- 002 Table 1 "Etableret i Y": social enterprises and initiatives (of municipality $3, '' =
-- all) whose FIRST established or registered-RSV status happened between $1 and $2
-- (inclusive dates). Later re-openings after a pause do not count again.
SELECT COUNT(*)
FROM enterprises e
WHERE e.kind IN ('social_enterprise', 'initiative')
  AND (CAST($3 AS TEXT) = '' OR e.municipality = $3)
  AND (SELECT MIN(h.happened_on) FROM enterprise_status_history h
       WHERE h.enterprise_id = e.id AND h.status IN ('established', 'registered_rsv')) BETWEEN $1 AND $2
