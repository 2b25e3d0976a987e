SELECT point_id, intro, happened, recommendation
FROM report_point_texts
WHERE year = $1
