-- $1 citizen, $2 enterprise, $3 agreement, $4 intervention type, $5 status, $6 referred on,
-- $7 start, $8 planned end, $9 end, $10 outcome, $11 plan made on, $12 plan owned,
-- $13 no-plan reason, $14 weekly hours, $15 now.
INSERT INTO placements (citizen_id, enterprise_id, agreement_id, intervention_type_id, status, referred_on,
                        start_date, planned_end, end_date, outcome_id, plan_made_on, plan_owned, no_plan_reason,
                        weekly_hours, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
RETURNING id
