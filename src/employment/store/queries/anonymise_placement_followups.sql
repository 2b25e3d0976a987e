UPDATE placement_followups SET note = '' WHERE placement_id IN (SELECT id FROM placements WHERE citizen_id = $1)
