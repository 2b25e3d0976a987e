-- Existing jobs by citizen, enterprise and hiring date (a file may not add a job twice).
SELECT citizen_id, enterprise_id, hired_on FROM jobs
