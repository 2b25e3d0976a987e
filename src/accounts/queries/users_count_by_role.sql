SELECT role, COUNT(*) FROM users WHERE disabled = 0 GROUP BY role ORDER BY role
