-- $1 id, $2 title, $3 body, $4 story_date, $5 published, $6 now.
UPDATE stories SET title = $2, body = $3, story_date = $4, published = $5, updated_at = $6 WHERE id = $1
