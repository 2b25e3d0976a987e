-- 0007: the employment side (C1–C8): citizens, intervention types, placement outcomes,
-- cooperation agreements with slots and a waiting list, placements with plans, follow-ups,
-- attendance sheets, extensions and outcomes, hiring needs ahead, jobs with a dated history of
-- weekly hours and intensity, and fleksjob follow-ups. Portable SQL; conventions as in 0001:
-- dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ', booleans 0/1, money in øre.
--
-- Hours are stored in hundredths of an hour (4,5 timer = 450) so that effective hours
-- (hours × intensity) are exact: 450 × 80 % = 360 = 3,6 timer. Intensity is a whole percent.
--
-- Citizen data is special-category personal data (GDPR art. 9). No CPR number is stored; a
-- citizen is identified by the municipality's case reference. Deleting a citizen deletes every
-- row about them (ON DELETE CASCADE); anonymising keeps placements and jobs for statistics and
-- blanks everything that identifies the person (docs/citizens.md).

-- Intervention types (C3) as data: a type whose valid_to has passed cannot be chosen for a new
-- case; running cases keep theirs.
CREATE TABLE intervention_types (
    id {{id}},
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to TEXT,                          -- last day a new case may start; NULL = open
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX intervention_types_code ON intervention_types (code);

-- The configurable list of placement outcomes (C2). Each outcome belongs to one fixed group;
-- 'job_education' is the group counted as "went to job, education or fleksjob" (C4).
CREATE TABLE placement_outcomes (
    id {{id}},
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    outcome_group TEXT NOT NULL CHECK (outcome_group IN
        ('job_education', 'continues', 'clarification', 'stopped', 'other')),
    sort INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))  -- 0: not offered for new ends
);
CREATE UNIQUE INDEX placement_outcomes_code ON placement_outcomes (code);

-- Kinds of employment (C5), as data; is_fleksjob marks the kinds that get fleksjob follow-ups.
CREATE TABLE job_kinds (
    id {{id}},
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    is_fleksjob INTEGER NOT NULL DEFAULT 0 CHECK (is_fleksjob IN (0, 1)),
    sort INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX job_kinds_code ON job_kinds (code);

-- Citizens: only what the work needs. target_group is a vocabulary code (kind target_group).
CREATE TABLE citizens (
    id {{id}},
    case_ref TEXT NOT NULL,                -- the municipality's case reference (never a CPR number)
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,                -- lower-cased name for search
    target_group TEXT,
    wished_hours_min INTEGER,              -- hundredths of an hour per week
    wished_hours_max INTEGER,
    postcode TEXT,                         -- for distance in matching; 4 digits or NULL
    transport TEXT CHECK (transport IS NULL OR transport IN ('car', 'public', 'bike', 'walk')),
    note TEXT NOT NULL DEFAULT '',
    legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1)),
    legal_hold_reason TEXT NOT NULL DEFAULT '',
    anonymised_at TEXT,                    -- set when identifying data was blanked for statistics
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (wished_hours_min IS NULL OR (wished_hours_min >= 0 AND wished_hours_min <= 3700)),
    CHECK (wished_hours_max IS NULL OR (wished_hours_max >= 0 AND wished_hours_max <= 3700))
);
CREATE UNIQUE INDEX citizens_case_ref ON citizens (case_ref);
CREATE INDEX citizens_name_key ON citizens (name_key);

-- Accommodations (skånehensyn), competences and interests as normalised tags.
CREATE TABLE citizen_tags (
    citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('accommodation', 'competence', 'interest')),
    tag TEXT NOT NULL,
    PRIMARY KEY (citizen_id, kind, tag)
);
CREATE INDEX citizen_tags_tag ON citizen_tags (kind, tag);

-- Cooperation agreements (C1, 003 §6.5): slots are a hard capacity; referrals beyond it wait.
CREATE TABLE agreements (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,                         -- NULL = until further notice
    slots INTEGER NOT NULL CHECK (slots >= 1 AND slots <= 1000),
    frame_weeks INTEGER NOT NULL CHECK (frame_weeks >= 1 AND frame_weeks <= 260),
    extension_weeks INTEGER NOT NULL DEFAULT 0 CHECK (extension_weeks >= 0 AND extension_weeks <= 260),
    plan_deadline_days INTEGER NOT NULL CHECK (plan_deadline_days >= 0 AND plan_deadline_days <= 365),
    attendance_interval_months INTEGER NOT NULL DEFAULT 2 CHECK (attendance_interval_months BETWEEN 1 AND 12),
    target_description TEXT NOT NULL DEFAULT '',
    price_ore BIGINT NOT NULL DEFAULT 0 CHECK (price_ore >= 0),
    price_unit TEXT NOT NULL DEFAULT 'per_placement'
        CHECK (price_unit IN ('per_placement', 'per_slot_month', 'total')),
    deliverables TEXT NOT NULL DEFAULT '',  -- what the caseworker is to receive (plans, sheets, meetings)
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX agreements_enterprise ON agreements (enterprise_id);

CREATE TABLE agreement_target_groups (
    agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    code TEXT NOT NULL,                    -- vocabulary code (kind target_group)
    PRIMARY KEY (agreement_id, code)
);

-- Dated notes on an agreement: the cooperation with the enterprise (C4 question 8) and what
-- participants achieve (question 6), written by the caseworker or consultant.
CREATE TABLE agreement_notes (
    id {{id}},
    agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('cooperation', 'effects', 'deliverables', 'general')),
    noted_on TEXT NOT NULL,
    text TEXT NOT NULL,
    author_user_id BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX agreement_notes_agreement ON agreement_notes (agreement_id, noted_on);

-- Hiring needs ahead (C7): an enterprise expects to hire 3–6 months ahead.
CREATE TABLE hiring_needs (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    title TEXT NOT NULL,
    tasks TEXT NOT NULL DEFAULT '',
    expected_on TEXT NOT NULL,             -- when the hire is expected
    job_kind TEXT,                         -- job_kinds.code or NULL
    hours_min INTEGER,                     -- hundredths of an hour per week
    hours_max INTEGER,
    min_intensity INTEGER CHECK (min_intensity IS NULL OR (min_intensity BETWEEN 1 AND 100)),
    positions INTEGER NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 100),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'withdrawn')),
    created_by BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX hiring_needs_enterprise ON hiring_needs (enterprise_id, status);

-- Placements (forløb, C2). status: 'waiting' (referred while the agreement is full, in waiting
-- order), 'referred' (holds a slot, not started), 'active', 'ended', 'cancelled' (withdrawn
-- before start). A placement holds a slot of its agreement while 'referred' or 'active'.
CREATE TABLE placements (
    id {{id}},
    citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    agreement_id BIGINT REFERENCES agreements (id),
    intervention_type_id BIGINT NOT NULL REFERENCES intervention_types (id),
    hiring_need_id BIGINT REFERENCES hiring_needs (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'referred', 'active', 'ended', 'cancelled')),
    referred_on TEXT NOT NULL,
    start_date TEXT,
    planned_end TEXT,                      -- start + frame, moved by extensions
    end_date TEXT,
    outcome_id BIGINT REFERENCES placement_outcomes (id),
    outcome_note TEXT NOT NULL DEFAULT '',
    plan_made_on TEXT,
    plan_owned INTEGER CHECK (plan_owned IS NULL OR plan_owned IN (0, 1)),
    no_plan_reason TEXT NOT NULL DEFAULT '',
    weekly_hours INTEGER CHECK (weekly_hours IS NULL OR (weekly_hours BETWEEN 0 AND 3700)),
    caseworker_user_id BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_date IS NULL OR start_date >= referred_on),
    CHECK (end_date IS NULL OR (start_date IS NOT NULL AND end_date >= start_date)),
    CHECK ((status = 'ended') = (end_date IS NOT NULL)),
    CHECK (status <> 'ended' OR outcome_id IS NOT NULL)
);
CREATE INDEX placements_citizen ON placements (citizen_id);
CREATE INDEX placements_enterprise ON placements (enterprise_id, status);
CREATE INDEX placements_agreement ON placements (agreement_id, status);

-- Follow-up meetings and dialogues held (C4 question 4).
CREATE TABLE placement_followups (
    id {{id}},
    placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'dialogue')),
    note TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX placement_followups_placement ON placement_followups (placement_id, held_on);

-- Attendance sheets per period, sent by the enterprise (e.g. every second month).
CREATE TABLE placement_attendance (
    id {{id}},
    placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    days_planned INTEGER NOT NULL CHECK (days_planned BETWEEN 0 AND 400),
    days_present INTEGER NOT NULL CHECK (days_present BETWEEN 0 AND 400),
    hours_present INTEGER CHECK (hours_present IS NULL OR hours_present >= 0),  -- hundredths
    note TEXT NOT NULL DEFAULT '',
    submitted_on TEXT NOT NULL,            -- when the caseworker received it
    recorded_by BIGINT,
    created_at TEXT NOT NULL,
    CHECK (period_to >= period_from),
    CHECK (days_present <= days_planned)
);
CREATE INDEX placement_attendance_placement ON placement_attendance (placement_id, period_from);

-- Extensions of a placement's frame.
CREATE TABLE placement_extensions (
    id {{id}},
    placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL,
    weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 260),
    new_end TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX placement_extensions_placement ON placement_extensions (placement_id);

-- Progress notes, written by the enterprise (mentor) or the caseworker.
CREATE TABLE placement_notes (
    id {{id}},
    placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    noted_on TEXT NOT NULL,
    text TEXT NOT NULL,
    author_user_id BIGINT,
    author_role TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX placement_notes_placement ON placement_notes (placement_id, noted_on);

-- Jobs (C5): hirings by kind and channel; counted per year by hired_on (the date it happened).
CREATE TABLE jobs (
    id {{id}},
    citizen_id BIGINT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    kind TEXT NOT NULL,                    -- job_kinds.code
    channel TEXT NOT NULL CHECK (channel IN ('municipality', 'other')),
    hired_on TEXT NOT NULL,
    ended_on TEXT,
    temporary_fleksjob INTEGER NOT NULL DEFAULT 0 CHECK (temporary_fleksjob IN (0, 1)),
    placement_id BIGINT REFERENCES placements (id) ON DELETE SET NULL,
    hiring_need_id BIGINT REFERENCES hiring_needs (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= hired_on)
);
CREATE INDEX jobs_citizen ON jobs (citizen_id);
CREATE INDEX jobs_enterprise ON jobs (enterprise_id);
CREATE INDEX jobs_hired_on ON jobs (hired_on);

-- Weekly hours and intensity as dated history (progression).
CREATE TABLE job_hours (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    effective_from TEXT NOT NULL,
    weekly_hours INTEGER NOT NULL CHECK (weekly_hours BETWEEN 0 AND 3700),  -- hundredths
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 100),          -- percent
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX job_hours_job_from ON job_hours (job_id, effective_from);

-- Fleksjob follow-ups held (C6). Due dates are computed from jobs.hired_on; a row records that
-- the follow-up due on due_on was held.
CREATE TABLE job_followups (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('follow_up', 'temporary_status')),
    held_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX job_followups_job_due ON job_followups (job_id, due_on, kind);

-- Retention of citizen data (section 9 of the issue; docs/citizens.md).
INSERT INTO settings (key, value) VALUES ('citizen_retention_months', '24');
INSERT INTO settings (key, value) VALUES ('citizen_retention_mode', 'anonymise');

INSERT INTO intervention_types (code, name, legal_basis, description, valid_from, valid_to, created_at, updated_at) VALUES
 ('virksomhedspraktik', 'Virksomhedspraktik', 'Lov om en aktiv beskæftigelsesindsats, kapitel 11', 'Praktik i en virksomhed uden løn', '2000-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('loentilskud', 'Ansættelse med løntilskud', 'Lov om en aktiv beskæftigelsesindsats, kapitel 12', 'Ansættelse med tilskud til lønnen', '2000-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('ressourceforloeb', 'Ressourceforløb', 'Lov om en aktiv beskæftigelsesindsats, kapitel 9 b', 'Afskaffes for nye sager med beskæftigelsesreformen', '2013-01-01', '2026-12-31', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('jobafklaringsforloeb', 'Jobafklaringsforløb', 'Lov om en aktiv beskæftigelsesindsats, kapitel 9 c', '', '2014-07-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('fleksjob', 'Fleksjob', 'Lov om en aktiv beskæftigelsesindsats, kapitel 13', 'Ansættelse på særlige vilkår', '2013-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('lab_2_3', 'Forløb efter LAB § 2, nr. 3', 'Lov om en aktiv beskæftigelsesindsats § 2, nr. 3', 'Aktivitetsparate kontanthjælpsmodtagere', '2000-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('integration', 'Forløb under integrationsloven', 'Integrationsloven', '', '2000-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
 ('mentor', 'Mentorstøtte', 'Lov om en aktiv beskæftigelsesindsats, kapitel 14', '', '2000-01-01', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

INSERT INTO placement_outcomes (code, label, outcome_group, sort) VALUES
 ('fleksjob', 'Fleksjob', 'job_education', 10),
 ('ordinary_job', 'Ordinært job', 'job_education', 20),
 ('wage_subsidy', 'Løntilskud', 'job_education', 30),
 ('education', 'Startet i uddannelse', 'job_education', 40),
 ('language_school', 'Startet i sprogskole', 'job_education', 50),
 ('second_trial', 'Arbejdsprøvning nr. 2 / praktik før rehabiliteringsteam', 'continues', 60),
 ('job_seeking', 'Jobsøgende', 'continues', 70),
 ('awaiting_rehab', 'Afventer rehabiliteringsteamet', 'clarification', 80),
 ('rehab_clarification', 'Afklaring af forsørgelsesgrundlag via rehabiliteringsteam', 'clarification', 90),
 ('early_retirement', 'Tilkendt førtidspension', 'other', 100),
 ('parental_leave', 'Afsluttet grundet barsel', 'other', 110),
 ('prison', 'I fængsel', 'other', 120),
 ('stopped_challenges', 'Stoppet pga. massive udfordringer', 'stopped', 130);

INSERT INTO job_kinds (code, label, is_fleksjob, sort) VALUES
 ('fleksjob', 'Fleksjob', 1, 10),
 ('part_time', 'Deltidsjob', 0, 20),
 ('full_time', 'Fuldtid', 0, 30),
 ('wage_subsidy', 'Løntilskud', 0, 40),
 ('small_job', 'Småjob', 0, 50),
 ('other', 'Andet', 0, 90);
