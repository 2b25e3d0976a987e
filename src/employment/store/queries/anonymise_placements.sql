UPDATE placements SET outcome_note = '', no_plan_reason = '' WHERE citizen_id = $1
