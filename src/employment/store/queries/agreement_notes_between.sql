-- An agreement's notes dated within [$2, $3]. $1 agreement.
SELECT id, topic, noted_on, text
FROM agreement_notes
WHERE agreement_id = $1 AND noted_on >= $2 AND noted_on <= $3
ORDER BY noted_on, id
