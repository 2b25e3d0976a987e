-- The agreement's placements referred on or before $2, without anything about the citizen.
SELECT p.id, p.status, p.referred_on, p.start_date, p.end_date, o.code, o.label, o.outcome_group,
       p.plan_made_on, p.plan_owned, p.no_plan_reason
FROM placements p
LEFT JOIN placement_outcomes o ON o.id = p.outcome_id
WHERE p.agreement_id = $1 AND p.referred_on <= $2 AND p.status <> 'cancelled'
ORDER BY p.id
