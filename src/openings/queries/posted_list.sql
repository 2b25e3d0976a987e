-- Job openings with the enterprise's name (read-only join) and accepted proposals.
-- $1 enterprise id (0 = all), $2 job opening id (0 = all).
SELECT jo.id, jo.enterprise_id, e.name, jo.title, jo.tasks, jo.hours_min, jo.hours_max, jo.min_intensity,
       jo.accommodations, jo.target_groups, jo.tags, jo.postcode, jo.start_date, jo.capacity, jo.status,
       (SELECT COUNT(*) FROM match_proposals mp
         WHERE mp.source = 'posted' AND mp.source_id = jo.id AND mp.decision = 'accepted')
FROM job_openings jo
JOIN enterprises e ON e.id = jo.enterprise_id
WHERE ($1 = 0 OR jo.enterprise_id = $1) AND ($2 = 0 OR jo.id = $2)
ORDER BY jo.title, jo.id
