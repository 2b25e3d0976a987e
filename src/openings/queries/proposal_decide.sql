-- Only an undecided proposal is decided.
UPDATE match_proposals
SET decision = $2, decided_by = $3, decided_at = $4, decline_reason = $5, placement_id = $6
WHERE id = $1 AND decision IS NULL
