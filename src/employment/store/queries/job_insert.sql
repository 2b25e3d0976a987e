-- The one INSERT into jobs: the jobs service, the employment import and the 2018 fixture.
-- $1 citizen, $2 enterprise, $3 kind, $4 channel, $5 hired on, $6 ended on (or NULL),
-- $7 temporary fleksjob (0/1), $8 placement (or NULL), $9 hiring need (or NULL), $10 note, $11 now.
INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, ended_on, temporary_fleksjob, placement_id,
                  hiring_need_id, note, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
RETURNING id
