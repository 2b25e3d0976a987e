DELETE FROM report_holistic WHERE year = $1
