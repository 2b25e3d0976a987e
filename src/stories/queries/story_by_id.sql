SELECT id, title, body, story_date, published FROM stories WHERE id = $1
