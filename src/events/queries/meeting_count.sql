-- Network meetings dated in [$1, $2).
SELECT COUNT(*) FROM events WHERE kind = 'network_meeting' AND held_on >= $1 AND held_on < $2
