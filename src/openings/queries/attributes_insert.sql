INSERT INTO opening_attributes (source, source_id, tasks, hours_min, hours_max, min_intensity, accommodations,
                                target_groups, tags, postcode, start_date, updated_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
