-- Requests, newest first. $1 enterprise (0 = all), $2 buyer user (0 = all), $3 status ('' = all).
SELECT r.id, r.item_id, r.item_title, r.enterprise_id, e.name, r.buyer_user_id, r.buyer_organisation, r.message,
       r.quantity, r.desired_date, r.status, r.answer, r.answered_at, r.created_at
FROM buying_requests r
JOIN enterprises e ON e.id = r.enterprise_id
WHERE (CAST($1 AS BIGINT) = 0 OR r.enterprise_id = $1)
  AND (CAST($2 AS BIGINT) = 0 OR r.buyer_user_id = $2)
  AND (CAST($3 AS TEXT) = '' OR r.status = $3)
ORDER BY r.created_at DESC, r.id DESC
LIMIT 1000
