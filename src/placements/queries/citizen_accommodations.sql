-- Read-only join on citizen_tags. $1 citizen.
SELECT tag FROM citizen_tags WHERE citizen_id = $1 AND kind = 'accommodation' ORDER BY tag
