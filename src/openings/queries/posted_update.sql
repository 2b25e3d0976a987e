UPDATE job_openings
SET title = $2, tasks = $3, hours_min = $4, hours_max = $5, min_intensity = $6, accommodations = $7,
    target_groups = $8, tags = $9, postcode = $10, start_date = $11, capacity = $12, status = $13,
    updated_at = $14
WHERE id = $1
