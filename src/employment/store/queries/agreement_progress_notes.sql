-- How many progress notes were written in [$2, $3] on the agreement's placements.
SELECT COUNT(*)
FROM placement_notes n
JOIN placements p ON p.id = n.placement_id
WHERE p.agreement_id = $1 AND n.noted_on >= $2 AND n.noted_on <= $3
