SELECT kind, tag FROM citizen_tags WHERE citizen_id = $1 ORDER BY kind, tag
