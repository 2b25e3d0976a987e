-- Years with stories, newest first; $1 = 1 for published only.
SELECT DISTINCT CAST(SUBSTR(story_date, 1, 4) AS INTEGER) AS y FROM stories
WHERE ($1 = 0 OR published = 1)
ORDER BY y DESC
