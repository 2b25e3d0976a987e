-- 0012: openings and matching (issue 6, docs/matching.md §6): job openings posted by
-- enterprises or caseworkers, matching attributes of agreements and hiring needs (side table,
-- 0007 is not altered), the matching weights as data, postcode centroids, and the proposals the
-- system made with the decisions people took. Portable SQL; conventions as in 0001 and 0007:
-- dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ', hours in hundredths of an hour per
-- week, intensity a whole percent. Tag lists (tasks, accommodations, target groups, tags) are
-- stored lower-cased and comma-separated, as typed ("lager, rengøring").

-- A job opening posted by an enterprise user (own enterprise only) or a caseworker.
CREATE TABLE job_openings (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    title TEXT NOT NULL,
    tasks TEXT NOT NULL DEFAULT '',
    hours_min INTEGER CHECK (hours_min IS NULL OR (hours_min BETWEEN 0 AND 3700)),
    hours_max INTEGER CHECK (hours_max IS NULL OR (hours_max BETWEEN 0 AND 3700)),
    min_intensity INTEGER CHECK (min_intensity IS NULL OR (min_intensity BETWEEN 1 AND 100)),
    accommodations TEXT NOT NULL DEFAULT '',
    target_groups TEXT NOT NULL DEFAULT '',   -- vocabulary codes; '' = every target group
    tags TEXT NOT NULL DEFAULT '',            -- culture, setting: matched with citizens' wishes
    postcode TEXT,
    start_date TEXT,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_by BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (hours_min IS NULL OR hours_max IS NULL OR hours_min <= hours_max)
);
CREATE INDEX job_openings_enterprise ON job_openings (enterprise_id, status);

-- Matching attributes of a cooperation agreement ('agreement') or a hiring need ('need'),
-- which 0007's tables do not have. One row per opening; no row = no attributes typed yet.
CREATE TABLE opening_attributes (
    source TEXT NOT NULL CHECK (source IN ('agreement', 'need')),
    source_id BIGINT NOT NULL,
    tasks TEXT NOT NULL DEFAULT '',
    hours_min INTEGER CHECK (hours_min IS NULL OR (hours_min BETWEEN 0 AND 3700)),
    hours_max INTEGER CHECK (hours_max IS NULL OR (hours_max BETWEEN 0 AND 3700)),
    min_intensity INTEGER CHECK (min_intensity IS NULL OR (min_intensity BETWEEN 1 AND 100)),
    accommodations TEXT NOT NULL DEFAULT '',
    target_groups TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    postcode TEXT,
    start_date TEXT,
    updated_by BIGINT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, source_id)
);

-- The matching weights and limits (matching::Weights) as key/value rows; a missing key keeps
-- the built-in default. Values are numbers written with a '.' decimal point.
CREATE TABLE matching_weights (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by BIGINT,
    updated_at TEXT NOT NULL
);

-- Postcode centroids (degrees) for the distance factor. Approximate centres typed as data for
-- the postcodes of the demo data and the Sjælland/Slagelse area; an administrator adds more
-- rows (docs/matching.md §6).
CREATE TABLE postcode_centroids (
    postcode TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL
);
INSERT INTO postcode_centroids (postcode, name, lat, lon) VALUES
    ('1050', 'København K', 55.6794, 12.5862),
    ('4000', 'Roskilde', 55.6415, 12.0803),
    ('4100', 'Ringsted', 55.4426, 11.7900),
    ('4160', 'Herlufmagle', 55.3230, 11.7600),
    ('4171', 'Glumsø', 55.3510, 11.6950),
    ('4180', 'Sorø', 55.4320, 11.5560),
    ('4200', 'Slagelse', 55.4028, 11.3547),
    ('4220', 'Korsør', 55.3306, 11.1392),
    ('4230', 'Skælskør', 55.2503, 11.2922),
    ('4241', 'Vemmelev', 55.3680, 11.2480),
    ('4242', 'Boeslunde', 55.2980, 11.2760),
    ('4243', 'Rude', 55.2330, 11.4240),
    ('4250', 'Fuglebjerg', 55.3050, 11.5500),
    ('4261', 'Dalmose', 55.2900, 11.4200),
    ('4262', 'Sandved', 55.2600, 11.4900),
    ('4270', 'Høng', 55.5120, 11.2880),
    ('4281', 'Gørlev', 55.5400, 11.2300),
    ('4291', 'Ruds Vedby', 55.5400, 11.3800),
    ('4293', 'Dianalund', 55.5300, 11.4950),
    ('4295', 'Stenlille', 55.5400, 11.5900),
    ('4300', 'Holbæk', 55.7160, 11.7120),
    ('4340', 'Tølløse', 55.6120, 11.7700),
    ('4400', 'Kalundborg', 55.6800, 11.0900),
    ('4600', 'Køge', 55.4580, 12.1820),
    ('4700', 'Næstved', 55.2300, 11.7600),
    ('4760', 'Vordingborg', 55.0080, 11.9110),
    ('4800', 'Nykøbing F', 54.7690, 11.8740);

-- What the system proposed and what a person decided (docs/matching.md §6). source: 'agreement'
-- (a free slot), 'need' (a hiring need) or 'posted' (a job opening). run_id groups the pairs of
-- one cohort allocation ('' for a single suggestion). explanation: one line per factor.
CREATE TABLE match_proposals (
    id {{id}},
    run_id TEXT NOT NULL DEFAULT '',
    citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('agreement', 'need', 'posted')),
    source_id BIGINT NOT NULL,
    opening_title TEXT NOT NULL,
    score INTEGER NOT NULL,
    rank INTEGER NOT NULL DEFAULT 1,
    explanation TEXT NOT NULL DEFAULT '',
    proposed_by BIGINT,
    proposed_at TEXT NOT NULL,
    decision TEXT CHECK (decision IS NULL OR decision IN ('accepted', 'declined')),
    decided_by BIGINT,
    decided_at TEXT,
    decline_reason TEXT NOT NULL DEFAULT '',
    placement_id BIGINT REFERENCES placements (id) ON DELETE SET NULL
);
CREATE INDEX match_proposals_citizen ON match_proposals (citizen_id, proposed_at);
CREATE INDEX match_proposals_opening ON match_proposals (source, source_id, decision);
CREATE INDEX match_proposals_run ON match_proposals (run_id);
