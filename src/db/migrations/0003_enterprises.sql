-- 0003: the enterprise registry (capabilities A1 and A2): enterprises and initiatives, their
-- target groups and contact persons, the dated status history, and the vocabularies an
-- administrator edits (legal forms, target groups, catalogue categories).
-- Portable SQL for SQLite and PostgreSQL; conventions as in 0001.

-- Editable word lists. `code` is stable and stored on the records; `label` is what users
-- see. Deactivated values stay (old records keep them) but cannot be chosen for new ones.
CREATE TABLE vocabulary (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('legal_form', 'target_group', 'catalogue_category')),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX vocabulary_kind_code ON vocabulary (kind, code);

-- One row per enterprise, initiative or partner organisation. `status`/`status_since` repeat
-- the latest row of enterprise_status_history (by the date it happened) for list filters;
-- the service keeps them in step in the same transaction. Counts over time always read the
-- history itself.
CREATE TABLE enterprises (
    id {{id}},
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,                -- lower-cased name (Danish letters too) for search
    cvr TEXT,                              -- 8 digits, modulus 11; NULL for initiatives without own CVR
    legal_form TEXT,                       -- vocabulary code (kind legal_form) or NULL
    kind TEXT NOT NULL CHECK (kind IN ('social_enterprise', 'initiative', 'csr_company', 'civil_society',
                                       'municipal_unit')),
    municipality TEXT NOT NULL,            -- municipality name, e.g. 'Slagelse'
    address TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    plans TEXT NOT NULL DEFAULT '',        -- plans for next year
    website TEXT NOT NULL DEFAULT '',
    employees INTEGER,                     -- headcount
    fte_tenths INTEGER,                    -- full-time equivalents × 10 (12.5 FTE = 125)
    status TEXT NOT NULL CHECK (status IN ('idea', 'on_the_way', 'established', 'registered_rsv', 'paused',
                                           'moved', 'closed')),
    status_since TEXT NOT NULL,            -- date the current status happened
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by BIGINT,                     -- users.id; NULL for the system
    updated_by BIGINT,
    CHECK (employees IS NULL OR employees >= 0),
    CHECK (fte_tenths IS NULL OR fte_tenths >= 0)
);
-- NULLs are distinct on both engines: many enterprises may lack a CVR.
CREATE UNIQUE INDEX enterprises_cvr ON enterprises (cvr);
CREATE INDEX enterprises_municipality ON enterprises (municipality);
CREATE INDEX enterprises_name_key ON enterprises (name_key);

CREATE TABLE enterprise_target_groups (
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    code TEXT NOT NULL,                    -- vocabulary code (kind target_group)
    PRIMARY KEY (enterprise_id, code)
);
CREATE INDEX enterprise_target_groups_code ON enterprise_target_groups (code);

-- Every status change with the date it HAPPENED (entered by the user) and who typed it when.
-- Counting per date or year uses happened_on only (product §5).
CREATE TABLE enterprise_status_history (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('idea', 'on_the_way', 'established', 'registered_rsv', 'paused',
                                           'moved', 'closed')),
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT,                    -- users.id; NULL for the system
    recorded_by_name TEXT NOT NULL
);
CREATE INDEX enterprise_status_history_enterprise ON enterprise_status_history (enterprise_id, happened_on);

CREATE TABLE enterprise_contacts (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX enterprise_contacts_enterprise ON enterprise_contacts (enterprise_id);

INSERT INTO vocabulary (kind, code, label, sort) VALUES
    ('legal_form', 'aps', 'ApS', 10),
    ('legal_form', 'ivs', 'IVS', 20),
    ('legal_form', 'as', 'A/S', 30),
    ('legal_form', 'is', 'I/S', 40),
    ('legal_form', 'enkeltmandsvirksomhed', 'Enkeltmandsvirksomhed', 50),
    ('legal_form', 'fond', 'Fond', 60),
    ('legal_form', 'erhvervsdrivende_fond', 'Erhvervsdrivende fond', 70),
    ('legal_form', 'forening', 'Forening', 80),
    ('legal_form', 'forening_erhverv', 'Forening med erhvervsdrift', 90),
    ('legal_form', 'smba', 'S.M.B.A.', 100),
    ('legal_form', 'amba', 'A.M.B.A.', 110),
    ('legal_form', 'selvejende_institution', 'Selvejende institution', 120),
    ('legal_form', 'offentlig', 'Offentlig myndighed', 130),
    ('target_group', 'fleksjobbere', 'Fleksjobbere', 10),
    ('target_group', 'deltidsansatte', 'Deltidsansatte og småjob', 20),
    ('target_group', 'forloebsdeltagere', 'Forløbsdeltagere', 30),
    ('target_group', 'loentilskud', 'Opstart med løntilskud', 40),
    ('target_group', 'kanten_af_arbejdsmarkedet', 'Ledige på kanten af arbejdsmarkedet', 50),
    ('target_group', 'udsatte_borgere', 'Udsatte borgere', 60),
    ('target_group', 'socialt_udsatte', 'Socialt udsatte (hjemløse, misbrug, ensomme)', 70),
    ('target_group', 'borgere_med_handicap', 'Borgere med handicap', 80),
    ('target_group', 'blinde_svagsynede', 'Blinde og svagsynede', 90),
    ('target_group', 'psykisk_saarbare', 'Psykisk sårbare', 100),
    ('target_group', 'unge', 'Unge', 110),
    ('target_group', 'udsatte_unge', 'Udsatte unge og mønsterbrydere', 120),
    ('target_group', 'unge_i_forloeb', 'Unge i forløb mod uddannelse og job', 130),
    ('target_group', 'udsatte_boern_unge', 'Udsatte børn og unge', 140),
    ('target_group', 'unge_sel', 'Unge i tilbud efter servicelovens §§ 103 og 104', 150),
    ('target_group', 'igu_egu', 'IGU, EGU og voksenlærlinge', 160),
    ('target_group', 'ressourceforloeb', 'Borgere i ressourceforløb', 170),
    ('target_group', 'kvinder_anden_etnisk', 'Kvinder med anden etnisk baggrund end dansk', 180),
    ('target_group', 'veteraner', 'Veteraner', 190),
    ('target_group', 'frivillige', 'Frivillige', 200),
    ('target_group', 'in_house', 'Borgere til in-house-løsninger', 210),
    ('catalogue_category', 'mad_catering', 'Mad, café og catering', 10),
    ('catalogue_category', 'konference_ophold', 'Konference, møder og ophold', 20),
    ('catalogue_category', 'kurser_workshops', 'Kurser, workshops og undervisning', 30),
    ('catalogue_category', 'haandvaerk_byggeri', 'Håndværk, byggeri og vedligehold', 40),
    ('catalogue_category', 'groenne_omraader', 'Grønne områder og havearbejde', 50),
    ('catalogue_category', 'rengoering', 'Rengøring og ejendomsservice', 60),
    ('catalogue_category', 'genbrug_redesign', 'Genbrug, redesign og upcycling', 70),
    ('catalogue_category', 'tekstil', 'Tekstil og syning', 80),
    ('catalogue_category', 'produkter_design', 'Produkter og design', 90),
    ('catalogue_category', 'lager_pakning', 'Lager, pakning og montage', 100),
    ('catalogue_category', 'auto_transport', 'Autoværksted, transport og flytning', 110),
    ('catalogue_category', 'kontor_it', 'Kontorservice, IT og digitale ydelser', 120),
    ('catalogue_category', 'kultur_oplevelser', 'Kultur, museer og oplevelser', 130),
    ('catalogue_category', 'raadgivning', 'Rådgivning og konsulentydelser', 140),
    ('catalogue_category', 'boern_unge', 'Tilbud til børn og unge', 150);
