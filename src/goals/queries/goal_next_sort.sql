-- The sort order for a new goal (after every other).
SELECT COALESCE(MAX(sort_order), 0) + 1 FROM goals
