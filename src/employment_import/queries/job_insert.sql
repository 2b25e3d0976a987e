-- $1 citizen, $2 enterprise, $3 kind, $4 channel, $5 hired, $6 ended (or NULL), $7 temporary
-- fleksjob, $8 now.
INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, ended_on, temporary_fleksjob, created_at,
                  updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
RETURNING id
