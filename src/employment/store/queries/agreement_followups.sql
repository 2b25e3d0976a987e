-- Follow-ups held in the period [$2, $3] on the agreement's placements.
SELECT f.placement_id, f.held_on
FROM placement_followups f
JOIN placements p ON p.id = f.placement_id
WHERE p.agreement_id = $1 AND f.held_on >= $2 AND f.held_on <= $3
ORDER BY f.held_on, f.id
