DELETE FROM citizen_tags WHERE citizen_id = $1
