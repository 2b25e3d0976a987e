-- One grant with the enterprise's name (read-only join on the registry).
SELECT g.id, g.enterprise_id, e.name, g.year, g.amount_oere, g.approximate, g.source, g.purpose
FROM grants g JOIN enterprises e ON e.id = g.enterprise_id
WHERE g.id = $1
