-- $1 placement, $2 period from, $3 period to, $4 days planned, $5 days present, $6 submitted on, $7 now.
INSERT INTO placement_attendance (placement_id, period_from, period_to, days_planned, days_present, note,
                                  submitted_on, created_at)
VALUES ($1, $2, $3, $4, $5, '', $6, $7)
