-- One request (the service checks the caller's access).
SELECT r.id, r.item_id, r.item_title, r.enterprise_id, e.name, r.buyer_user_id, r.buyer_organisation, r.message,
       r.quantity, r.desired_date, r.status, r.answer, r.answered_at, r.created_at
FROM buying_requests r
JOIN enterprises e ON e.id = r.enterprise_id
WHERE r.id = $1
