-- $1 job, $2 kind, $3 channel, $4 temporary (0/1), $5 note, $6 now.
UPDATE jobs SET kind = $2, channel = $3, temporary_fleksjob = $4, note = $5, updated_at = $6 WHERE id = $1
