-- Spend per enterprise by purchase date in [$1, $2): id, name, sum (øre), count.
SELECT p.enterprise_id, e.name, SUM(p.amount_oere), COUNT(*)
FROM purchases p
JOIN enterprises e ON e.id = p.enterprise_id
WHERE p.purchase_date >= $1 AND p.purchase_date < $2
GROUP BY p.enterprise_id, e.name
ORDER BY SUM(p.amount_oere) DESC, e.name
