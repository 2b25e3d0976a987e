SELECT id, held_on, kind, title, theme, place, summary FROM events WHERE id = $1
