UPDATE placement_notes SET text = '' WHERE placement_id IN (SELECT id FROM placements WHERE citizen_id = $1)
