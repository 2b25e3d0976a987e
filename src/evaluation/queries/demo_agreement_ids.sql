-- Demo loader: the two 2018 agreements by title.
SELECT id, title FROM agreements WHERE title IN ($1, $2) ORDER BY id
