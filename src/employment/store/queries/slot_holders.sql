-- Placements that hold (or held) a slot of an agreement, for the capacity rule: referred or
-- active ones hold it from the referral on, ended ones from the referral to the end.
SELECT agreement_id, referred_on, end_date FROM placements
WHERE agreement_id IS NOT NULL AND status IN ('referred', 'active', 'ended')
