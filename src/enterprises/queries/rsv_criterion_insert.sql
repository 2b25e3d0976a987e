INSERT INTO rsv_criteria (enterprise_id, criterion, met, evidence, updated_at, updated_by, updated_by_name)
VALUES ($1, $2, $3, $4, $5, $6, $7)
