-- $1 citizen, $2 enterprise, $3 agreement, $4 type, $5 hiring need, $6 status, $7 referred on, $8 weekly hours,
-- $9 caseworker, $10 now.
INSERT INTO placements (citizen_id, enterprise_id, agreement_id, intervention_type_id, hiring_need_id, status,
                        referred_on, weekly_hours, caseworker_user_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
RETURNING id
