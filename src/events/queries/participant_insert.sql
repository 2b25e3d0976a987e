-- $1 event, $2 position, $3 enterprise (or NULL), $4 name, $5 invited 0/1, $6 present 0/1.
INSERT INTO event_participants (event_id, position, enterprise_id, name, invited, present)
VALUES ($1, $2, $3, $4, $5, $6)
