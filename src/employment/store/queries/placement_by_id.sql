-- One placement. $1 id.
SELECT p.id, p.citizen_id, c.name, c.case_ref, p.enterprise_id, e.name, p.agreement_id, COALESCE(a.title, ''),
       p.intervention_type_id, t.name, p.hiring_need_id, COALESCE(h.title, ''), p.status, p.referred_on,
       p.start_date, p.planned_end, p.end_date, p.outcome_id, COALESCE(o.label, ''), p.outcome_note, p.plan_made_on,
       p.plan_owned, p.no_plan_reason, p.weekly_hours, a.plan_deadline_days, a.extension_weeks,
       (SELECT COALESCE(SUM(x.weeks), 0) FROM placement_extensions x WHERE x.placement_id = p.id)
FROM placements p
JOIN citizens c ON c.id = p.citizen_id
JOIN enterprises e ON e.id = p.enterprise_id
JOIN intervention_types t ON t.id = p.intervention_type_id
LEFT JOIN agreements a ON a.id = p.agreement_id
LEFT JOIN hiring_needs h ON h.id = p.hiring_need_id
LEFT JOIN placement_outcomes o ON o.id = p.outcome_id
WHERE p.id = $1
