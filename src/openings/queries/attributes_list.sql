SELECT source, source_id, tasks, hours_min, hours_max, min_intensity, accommodations, target_groups, tags,
       postcode, start_date
FROM opening_attributes
