-- $1 placement, $2 from, $3 to, $4 days planned, $5 days present, $6 hours present, $7 note, $8 submitted on,
-- $9 user, $10 now.
INSERT INTO placement_attendance (placement_id, period_from, period_to, days_planned, days_present, hours_present,
                                  note, submitted_on, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id
