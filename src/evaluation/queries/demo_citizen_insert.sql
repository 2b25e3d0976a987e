-- $1 case ref, $2 name, $3 name key, $4 target group, $5/$6 wished hours (hundredths), $7 now.
INSERT INTO citizens (case_ref, name, name_key, target_group, wished_hours_min, wished_hours_max, note,
                      created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'Fiktiv borger i demodata (003 §6.5)', $7, $7)
RETURNING id
