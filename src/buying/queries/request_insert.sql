-- $1 item, $2 item title, $3 enterprise, $4 buyer user, $5 buyer organisation, $6 message,
-- $7 quantity, $8 desired date (or NULL), $9 now.
INSERT INTO buying_requests (item_id, item_title, enterprise_id, buyer_user_id, buyer_organisation, message, quantity,
                             desired_date, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'sent', $9, $9)
RETURNING id
