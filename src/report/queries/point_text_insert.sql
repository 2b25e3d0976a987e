INSERT INTO report_point_texts (year, point_id, intro, happened, recommendation)
VALUES ($1, $2, $3, $4, $5)
