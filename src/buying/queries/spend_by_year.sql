-- Spend per calendar year of the purchase date: year, sum (øre), count.
SELECT substr(purchase_date, 1, 4), SUM(amount_oere), COUNT(*)
FROM purchases
GROUP BY substr(purchase_date, 1, 4)
ORDER BY substr(purchase_date, 1, 4)
