-- The one INSERT into placements: the placements service (a referral), the employment import
-- and the 2018 fixture. $1 citizen, $2 enterprise, $3 agreement (or NULL), $4 intervention type,
-- $5 hiring need (or NULL), $6 status, $7 referred on, $8 start, $9 planned end, $10 end,
-- $11 outcome, $12 outcome note, $13 plan made on, $14 plan owned (0/1), $15 no-plan reason,
-- $16 weekly hours (hundredths), $17 caseworker user, $18 now.
INSERT INTO placements (citizen_id, enterprise_id, agreement_id, intervention_type_id, hiring_need_id, status,
                        referred_on, start_date, planned_end, end_date, outcome_id, outcome_note, plan_made_on,
                        plan_owned, no_plan_reason, weekly_hours, caseworker_user_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
RETURNING id
