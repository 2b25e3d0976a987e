-- Agreements, newest start first. $1 recorded by this user (0 = all).
SELECT a.id, a.buyer_organisation, a.enterprise_id, e.name, a.title, a.start_date, a.end_date, a.note, a.created_by,
       a.created_at, a.buyer_key
FROM purchase_agreements a
JOIN enterprises e ON e.id = a.enterprise_id
WHERE (CAST($1 AS BIGINT) = 0 OR a.created_by = $1)
ORDER BY a.start_date DESC, a.id DESC
LIMIT 1000
