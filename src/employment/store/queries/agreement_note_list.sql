-- $1 agreement.
SELECT id, topic, noted_on, text FROM agreement_notes WHERE agreement_id = $1 ORDER BY noted_on, id
