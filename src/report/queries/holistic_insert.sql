INSERT INTO report_holistic (year, position, body, recommendation)
VALUES ($1, $2, $3, $4)
