DELETE FROM event_participants WHERE event_id = $1
