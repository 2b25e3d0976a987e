INSERT INTO job_openings (enterprise_id, title, tasks, hours_min, hours_max, min_intensity, accommodations,
                          target_groups, tags, postcode, start_date, capacity, status, created_by,
                          created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
RETURNING id
