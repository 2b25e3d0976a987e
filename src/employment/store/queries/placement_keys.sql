-- Existing placements by citizen, enterprise and referral date (a file may not add one twice).
SELECT citizen_id, enterprise_id, referred_on FROM placements
