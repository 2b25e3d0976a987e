-- $1 buyer organisation, $2 buyer key, $3 enterprise, $4 title, $5 start, $6 end (or NULL),
-- $7 note, $8 now, $9 user (or NULL).
INSERT INTO purchase_agreements (buyer_organisation, buyer_key, enterprise_id, title, start_date, end_date, note,
                                 created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
