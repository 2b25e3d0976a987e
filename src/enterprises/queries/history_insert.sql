INSERT INTO enterprise_status_history (enterprise_id, status, happened_on, note, recorded_at, recorded_by,
                                       recorded_by_name)
VALUES ($1, $2, $3, $4, $5, $6, $7)
