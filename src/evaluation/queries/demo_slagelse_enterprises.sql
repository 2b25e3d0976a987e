-- Demo loader: Slagelse's social enterprises and initiatives (where the 2018 jobs are placed).
SELECT id FROM enterprises
WHERE municipality = 'Slagelse' AND kind IN ('social_enterprise', 'initiative')
ORDER BY id
