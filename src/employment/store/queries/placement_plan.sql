-- $1 id, $2 plan made on (or NULL), $3 owned (0/1 or NULL), $4 no-plan reason, $5 now.
UPDATE placements SET plan_made_on = $2, plan_owned = $3, no_plan_reason = $4, updated_at = $5 WHERE id = $1
