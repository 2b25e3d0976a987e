-- $1 id, then as citizen_insert: $2 case_ref … $12 legal_hold_reason, $13 now.
UPDATE citizens SET case_ref = $2, name = $3, name_key = $4, target_group = $5, wished_hours_min = $6,
       wished_hours_max = $7, postcode = $8, transport = $9, note = $10, legal_hold = $11,
       legal_hold_reason = $12, updated_at = $13
WHERE id = $1
