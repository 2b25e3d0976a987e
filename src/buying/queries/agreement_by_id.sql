SELECT a.id, a.buyer_organisation, a.enterprise_id, e.name, a.title, a.start_date, a.end_date, a.note, a.created_by,
       a.created_at, a.buyer_key
FROM purchase_agreements a
JOIN enterprises e ON e.id = a.enterprise_id
WHERE a.id = $1
