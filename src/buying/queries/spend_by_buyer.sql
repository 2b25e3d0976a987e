-- Spend per buyer organisation by purchase date in [$1, $2): key, label, sum (øre), count.
SELECT buyer_key, MIN(buyer_organisation), SUM(amount_oere), COUNT(*)
FROM purchases
WHERE purchase_date >= $1 AND purchase_date < $2
GROUP BY buyer_key
ORDER BY SUM(amount_oere) DESC, buyer_key
