-- 0011: the annual report (F2, docs/reports.md): the strategy points of the municipality's
-- strategy (code like '6.1', title, position, the years they are valid) and the narrative
-- written in the system per year: the preface, the introduction, the evaluation period of the
-- cooperation agreements, per strategy point the introduction, what happened and the
-- recommendation, and the holistic recommendations (003 §7.2). Plain text only: renderers
-- escape it. Portable SQL; conventions as in 0001.

CREATE TABLE report_strategy_points (
    id {{id}},
    code TEXT NOT NULL,                    -- '6.1'
    title TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    valid_from INTEGER NOT NULL,           -- first year the point is reported on
    valid_to INTEGER,                      -- last year; NULL = still valid
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX report_strategy_points_code ON report_strategy_points (code, valid_from);

-- One row per year once something has been written for it.
CREATE TABLE report_texts (
    year INTEGER PRIMARY KEY,
    preface TEXT NOT NULL DEFAULT '',
    introduction TEXT NOT NULL DEFAULT '',
    evaluation_from TEXT,                  -- 'YYYY-MM-DD'; NULL = 1 January of the year
    evaluation_to TEXT,                    -- NULL = 31 December of the year
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);

CREATE TABLE report_point_texts (
    year INTEGER NOT NULL,
    point_id BIGINT NOT NULL REFERENCES report_strategy_points (id) ON DELETE CASCADE,
    intro TEXT NOT NULL DEFAULT '',
    happened TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, point_id)
);

-- 7.2: labelled A, B, … by position.
CREATE TABLE report_holistic (
    id {{id}},
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX report_holistic_year ON report_holistic (year, position);
