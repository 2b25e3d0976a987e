INSERT INTO story_enterprises (story_id, enterprise_id, position) VALUES ($1, $2, $3)
