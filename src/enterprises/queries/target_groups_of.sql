SELECT t.code, COALESCE(v.label, t.code)
FROM enterprise_target_groups t
LEFT JOIN vocabulary v ON v.kind = 'target_group' AND v.code = t.code
WHERE t.enterprise_id = $1
ORDER BY COALESCE(v.sort, 0), COALESCE(v.label, t.code)
