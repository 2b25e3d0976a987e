-- 0010: the network side (E2–E4): events such as network meetings and market days with the
-- organisations invited and present, the ordered themes chosen for a year, grants and funds
-- raised by enterprises, and stories (docs/network.md). Portable SQL for SQLite and
-- PostgreSQL; conventions as in 0001: dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ',
-- booleans 0/1, money in øre.

-- An event (E2). A network meeting dated after today is a planned meeting.
CREATE TABLE events (
    id {{id}},
    held_on TEXT NOT NULL,                 -- 'YYYY-MM-DD'
    kind TEXT NOT NULL CHECK (kind IN ('network_meeting', 'market_day', 'other')),
    title TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT,                     -- users.id; NULL for the system
    updated_at TEXT NOT NULL
);
CREATE INDEX events_held_on ON events (held_on);

-- An organisation invited to / present at an event: a registry enterprise (name copied so the
-- line survives the enterprise's deletion) or a name typed by hand (enterprise_id NULL).
CREATE TABLE event_participants (
    id {{id}},
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    enterprise_id BIGINT REFERENCES enterprises (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    invited INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
    present INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1))
);
CREATE INDEX event_participants_event ON event_participants (event_id, position);
CREATE INDEX event_participants_enterprise ON event_participants (enterprise_id);

-- The themes chosen for a year's network meetings, in order ("Temaer for næste år").
CREATE TABLE event_themes (
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    theme TEXT NOT NULL,
    PRIMARY KEY (year, position)
);

-- A grant or fund raised by an enterprise (E3), counted in `year`.
CREATE TABLE grants (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    amount_oere BIGINT NOT NULL CHECK (amount_oere > 0),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),  -- "ca."
    source TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT,
    updated_at TEXT NOT NULL
);
CREATE INDEX grants_year ON grants (year, enterprise_id);
CREATE INDEX grants_enterprise ON grants (enterprise_id, year);

-- A story (E4); drafts (published = 0) are seen by consultants and administrators only.
CREATE TABLE stories (
    id {{id}},
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    story_date TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by BIGINT,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_date ON stories (story_date);

-- The enterprises a story is about.
CREATE TABLE story_enterprises (
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, enterprise_id)
);
CREATE INDEX story_enterprises_enterprise ON story_enterprises (enterprise_id);
