-- Accepted proposals per hiring need and job opening (capacity taken).
SELECT source, source_id, COUNT(*)
FROM match_proposals
WHERE decision = 'accepted' AND source IN ('need', 'posted')
GROUP BY source, source_id
