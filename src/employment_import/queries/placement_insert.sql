-- $1 citizen, $2 enterprise, $3 agreement (or NULL), $4 intervention type, $5 status,
-- $6 referred, $7 start, $8 planned end, $9 end, $10 outcome, $11 outcome note, $12 plan made,
-- $13 plan owned, $14 weekly hours, $15 caseworker user (or NULL), $16 now.
INSERT INTO placements (citizen_id, enterprise_id, agreement_id, intervention_type_id, status, referred_on,
                        start_date, planned_end, end_date, outcome_id, outcome_note, plan_made_on, plan_owned,
                        weekly_hours, caseworker_user_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
