-- $1 id, $2 case_ref 'ANON-<id>', $3 now.
UPDATE citizens SET name = 'Anonymiseret borger', name_key = 'anonymiseret borger', case_ref = $2, note = '',
       legal_hold_reason = '', postcode = NULL, transport = NULL, anonymised_at = $3, updated_at = $3
WHERE id = $1
