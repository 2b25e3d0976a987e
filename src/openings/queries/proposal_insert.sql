INSERT INTO match_proposals (run_id, citizen_id, source, source_id, opening_title, score, rank, explanation,
                             proposed_by, proposed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id
