DELETE FROM event_themes WHERE year = $1
