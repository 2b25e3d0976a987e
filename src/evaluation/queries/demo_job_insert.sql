-- $1 citizen, $2 enterprise, $3 kind, $4 channel, $5 hired on, $6 note, $7 now.
INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, ended_on, temporary_fleksjob, note,
                  created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, NULL, 0, $6, $7, $7)
RETURNING id
