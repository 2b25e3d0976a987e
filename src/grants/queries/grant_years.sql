-- Years with grants, newest first; $1 = 0 for all enterprises, else only that one.
SELECT DISTINCT year FROM grants WHERE ($1 = 0 OR enterprise_id = $1) ORDER BY year DESC
