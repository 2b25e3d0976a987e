-- $1 citizen, $2 kind (accommodation, competence, interest).
SELECT tag FROM citizen_tags WHERE citizen_id = $1 AND kind = $2 ORDER BY tag
