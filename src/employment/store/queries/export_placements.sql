-- The subject export: a citizen's placements with names of enterprise, agreement, type and outcome.
SELECT p.id, p.enterprise_id, e.name AS enterprise_name, p.agreement_id, a.title AS agreement_title,
       t.code AS intervention_type, t.name AS intervention_type_name, p.status, p.referred_on, p.start_date,
       p.planned_end, p.end_date, o.code AS outcome, o.label AS outcome_label, o.outcome_group, p.outcome_note,
       p.plan_made_on, p.plan_owned, p.no_plan_reason, p.weekly_hours, p.hiring_need_id, p.created_at, p.updated_at
FROM placements p
JOIN enterprises e ON e.id = p.enterprise_id
JOIN intervention_types t ON t.id = p.intervention_type_id
LEFT JOIN agreements a ON a.id = p.agreement_id
LEFT JOIN placement_outcomes o ON o.id = p.outcome_id
WHERE p.citizen_id = $1
ORDER BY p.referred_on, p.id
