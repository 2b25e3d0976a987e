-- The agreements titled $1 or $2 (the 2018 fixture finds its two).
SELECT id, title FROM agreements WHERE title IN ($1, $2) ORDER BY id
