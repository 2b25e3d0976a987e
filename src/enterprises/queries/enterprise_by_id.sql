SELECT e.id, e.name, e.cvr, e.legal_form, v.label, e.kind, e.municipality, e.address, e.purpose, e.description,
       e.plans, e.website, e.employees, e.fte_tenths, e.status, e.status_since, e.created_at, e.updated_at
FROM enterprises e
LEFT JOIN vocabulary v ON v.kind = 'legal_form' AND v.code = e.legal_form
WHERE e.id = $1
