-- Proposals (the citizens' names come from the employment store). $1 proposal id (0 = all),
-- newest first.
SELECT mp.id, mp.run_id, mp.citizen_id, mp.source, mp.source_id, mp.opening_title, mp.score, mp.rank,
       mp.explanation, mp.proposed_at, mp.decision, mp.decided_at, mp.decline_reason, mp.placement_id
FROM match_proposals mp
WHERE ($1 = 0 OR mp.id = $1)
ORDER BY mp.proposed_at DESC, mp.id DESC
LIMIT 500
