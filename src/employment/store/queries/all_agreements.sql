-- Every agreement: id, enterprise, title, period, slots and frame (for placement rows).
SELECT id, enterprise_id, title, start_date, end_date, slots, frame_weeks FROM agreements ORDER BY id
