DELETE FROM story_enterprises WHERE story_id = $1
