-- $1 date, $2 amount (øre), $3 buyer organisation, $4 buyer key, $5 enterprise, $6 agreement
-- (or NULL), $7 description, $8 now, $9 user (or NULL).
INSERT INTO purchases (purchase_date, amount_oere, buyer_organisation, buyer_key, enterprise_id, agreement_id,
                       description, created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
