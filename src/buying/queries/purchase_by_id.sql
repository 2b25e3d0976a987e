SELECT p.id, p.purchase_date, p.amount_oere, p.buyer_organisation, p.enterprise_id, e.name, p.agreement_id,
       COALESCE(a.title, ''), p.description, p.created_by, p.created_at
FROM purchases p
JOIN enterprises e ON e.id = p.enterprise_id
LEFT JOIN purchase_agreements a ON a.id = p.agreement_id
WHERE p.id = $1
