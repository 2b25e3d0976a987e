SELECT theme FROM event_themes WHERE year = $1 ORDER BY position
