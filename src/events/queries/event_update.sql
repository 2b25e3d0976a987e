-- $1 id, $2 held_on, $3 kind, $4 title, $5 theme, $6 place, $7 summary, $8 now.
UPDATE events SET held_on = $2, kind = $3, title = $4, theme = $5, place = $6, summary = $7, updated_at = $8
WHERE id = $1
