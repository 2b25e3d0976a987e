-- Target group labels of one enterprise ($1), in the vocabulary's order.
SELECT v.label
FROM enterprise_target_groups t
JOIN vocabulary v ON v.kind = 'target_group' AND v.code = t.code
WHERE t.enterprise_id = $1
ORDER BY v.sort, v.label
