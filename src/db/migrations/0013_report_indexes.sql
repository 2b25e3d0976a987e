-- 0013: indexes the annual report needs at national size (issue 5, "Measure and note";
-- bench/report/README.md has the measurements). Portable SQL; conventions as in 0001.

-- "Placements started in the year" (goal metric placements_started,
-- src/placements/queries/placements_started_count.sql) filtered placements on start_date with
-- no index: a full scan of every placement for each goal status. With 1 000 000 placements the
-- 2018 count took 0,42–0,65 s on SQLite and 0,36 s on PostgreSQL (parallel sequential scan); with
-- this covering index it reads only the year's index entries (0,06 s on SQLite, 0,03 s on
-- PostgreSQL). status is in the index so the count never reads the table.
CREATE INDEX placements_start_date ON placements (start_date, status);

-- The agreement evaluation (src/evaluation/queries/followups.sql, attendance.sql,
-- progress_notes.sql) joins the agreement's placements only for their ids. SQLite reads the id
-- (rowid) from placements_agreement, but a PostgreSQL index holds no id, so each of the three
-- queries fetched the heap page of every placement of the agreement (~1 900 scattered pages of
-- 2 000 placements at national size) — 500 agreements × 3 queries per report. With
-- (agreement_id, id) PostgreSQL answers the join side with an index-only scan: the follow-ups
-- query for one agreement went from 83 to 20 ms, EvaluationService::compare for 2018 from
-- 181 s to 33 s.
CREATE INDEX placements_agreement_id ON placements (agreement_id, id);
