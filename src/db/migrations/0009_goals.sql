-- 0009: goals as data (F1): a metric from the goals package's catalogue (docs/goals.md), an
-- optional parameter (a job kind code for jobs_by_kind), the shown title, a whole-number
-- target (kroner for money metrics), the period, the cadence (each calendar year or reached
-- by the period's end), an optional baseline and the strategy point it belongs to. Portable
-- SQL for SQLite and PostgreSQL; conventions as in 0001: dates 'YYYY-MM-DD', timestamps
-- 'YYYY-MM-DDTHH:MM:SSZ'.
CREATE TABLE goals (
    id {{id}},
    metric TEXT NOT NULL,                  -- catalogue code, checked by the service
    parameter TEXT NOT NULL DEFAULT '',    -- e.g. job kind code; '' = none
    title TEXT NOT NULL,
    target BIGINT NOT NULL CHECK (target > 0),
    period_from TEXT NOT NULL,             -- 'YYYY-MM-DD'
    period_to TEXT NOT NULL,
    cadence TEXT NOT NULL CHECK (cadence IN ('per_year', 'period_end')),
    baseline BIGINT,
    baseline_year INTEGER,
    strategy_point TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by BIGINT,                     -- users.id; NULL for the system
    updated_at TEXT NOT NULL,
    CHECK (period_to >= period_from)
);
CREATE INDEX goals_period ON goals (period_from, period_to);
