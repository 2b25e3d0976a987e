INSERT INTO event_themes (year, position, theme) VALUES ($1, $2, $3)
