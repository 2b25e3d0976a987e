SELECT position, body, recommendation
FROM report_holistic
WHERE year = $1
ORDER BY position
