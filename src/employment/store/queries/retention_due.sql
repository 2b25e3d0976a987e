-- Citizens due under the retention rule. $1 cutoff date 'YYYY-MM-DD': every date of the
-- citizen's activity must lie before it. Not on legal hold, not anonymised, no placement
-- waiting/referred/active and no job without an end.
SELECT c.id, c.case_ref
FROM citizens c
WHERE c.legal_hold = 0
  AND c.anonymised_at IS NULL
  AND SUBSTR(c.created_at, 1, 10) < $1
  AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.citizen_id = c.id
                  AND (p.status IN ('waiting', 'referred', 'active')
                       OR p.referred_on >= $1 OR p.start_date >= $1 OR p.end_date >= $1))
  AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.citizen_id = c.id
                  AND (j.ended_on IS NULL OR j.hired_on >= $1 OR j.ended_on >= $1))
ORDER BY c.id
