-- Placements. $1 status ('' = all), $2 agreement, $3 enterprise, $4 citizen (0 = any).
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
WHERE (CAST($1 AS TEXT) = '' OR p.status = $1)
  AND (CAST($2 AS BIGINT) = 0 OR p.agreement_id = $2)
  AND (CAST($3 AS BIGINT) = 0 OR p.enterprise_id = $3)
  AND (CAST($4 AS BIGINT) = 0 OR p.citizen_id = $4)
ORDER BY p.referred_on DESC, p.id DESC
LIMIT 1000
