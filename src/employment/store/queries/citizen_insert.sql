-- The one INSERT into citizens: the citizens service, the employment import and the 2018 fixture.
-- $1 case_ref, $2 name, $3 name_key, $4 target_group, $5 hours min, $6 hours max, $7 postcode,
-- $8 transport, $9 note, $10 legal_hold, $11 legal_hold_reason, $12 now.
INSERT INTO citizens (case_ref, name, name_key, target_group, wished_hours_min, wished_hours_max, postcode,
                      transport, note, legal_hold, legal_hold_reason, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
RETURNING id
