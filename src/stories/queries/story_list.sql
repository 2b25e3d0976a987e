-- Stories dated in [$1, $2), by date; $3 = 1 for published only.
SELECT id, title, body, story_date, published FROM stories
WHERE story_date >= $1 AND story_date < $2 AND ($3 = 0 OR published = 1)
ORDER BY story_date, id
