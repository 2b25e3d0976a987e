DELETE FROM report_point_texts WHERE year = $1
