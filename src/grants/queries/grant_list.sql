-- Grants of year $1, by enterprise name; $2 = 0 for all enterprises, else only that one.
SELECT g.id, g.enterprise_id, e.name, g.year, g.amount_oere, g.approximate, g.source, g.purpose
FROM grants g JOIN enterprises e ON e.id = g.enterprise_id
WHERE g.year = $1 AND ($2 = 0 OR g.enterprise_id = $2)
ORDER BY e.name_key, e.id, g.amount_oere DESC, g.id
