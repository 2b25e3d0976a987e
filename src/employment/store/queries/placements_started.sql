-- Placements started in [$1, $2) by start_date ('YYYY-MM-DD'); cancelled ones are not counted.
SELECT COUNT(*) FROM placements
WHERE start_date IS NOT NULL AND start_date >= $1 AND start_date < $2 AND status <> 'cancelled'
