-- Purchases, newest purchase date first. $1 recorded by this user (0 = all), $2 from date
-- inclusive ('' = no limit), $3 to date exclusive ('' = no limit).
SELECT p.id, p.purchase_date, p.amount_oere, p.buyer_organisation, p.enterprise_id, e.name, p.agreement_id,
       COALESCE(a.title, ''), p.description, p.created_by, p.created_at
FROM purchases p
JOIN enterprises e ON e.id = p.enterprise_id
LEFT JOIN purchase_agreements a ON a.id = p.agreement_id
WHERE (CAST($1 AS BIGINT) = 0 OR p.created_by = $1)
  AND (CAST($2 AS TEXT) = '' OR p.purchase_date >= $2)
  AND (CAST($3 AS TEXT) = '' OR p.purchase_date < $3)
ORDER BY p.purchase_date DESC, p.id DESC
LIMIT 2000
