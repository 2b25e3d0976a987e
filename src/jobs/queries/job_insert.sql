-- $1 citizen, $2 enterprise, $3 kind, $4 channel, $5 hired_on, $6 temporary (0/1),
-- $7 placement (or NULL), $8 hiring need (or NULL), $9 note, $10 now.
INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, temporary_fleksjob, placement_id,
                  hiring_need_id, note, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
RETURNING id
