UPDATE placement_extensions SET reason = '' WHERE placement_id IN (SELECT id FROM placements WHERE citizen_id = $1)
