SELECT x.id, x.placement_id, x.decided_on, x.weeks, x.new_end, x.reason, x.created_at
FROM placement_extensions x JOIN placements p ON p.id = x.placement_id
WHERE p.citizen_id = $1 ORDER BY x.placement_id, x.decided_on, x.id
