-- Years with events or themes, newest first.
SELECT y FROM (
  SELECT DISTINCT CAST(SUBSTR(held_on, 1, 4) AS INTEGER) AS y FROM events
  UNION
  SELECT DISTINCT year AS y FROM event_themes
) years
ORDER BY y DESC
