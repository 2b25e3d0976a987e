-- 0005: RSV readiness and the yearly statement (capability A3; Act 711/2014 §5 and §8).
-- Portable SQL for SQLite and PostgreSQL; conventions as in 0001. Money is BIGINT øre
-- (INTEGER affinity on SQLite; PostgreSQL's INTEGER would stop at 21 mio. kr.).

-- The §5 checklist: one row per enterprise and criterion, written by the service as a whole
-- (all five rows in one transaction). A criterion without a row is "not assessed".
CREATE TABLE rsv_criteria (
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL CHECK (criterion IN ('social_purpose', 'trade', 'independence', 'governance',
                                                 'profit_handling')),
    met TEXT NOT NULL DEFAULT '' CHECK (met IN ('', 'yes', 'partly', 'no')),  -- '' = not assessed
    evidence TEXT NOT NULL DEFAULT '',     -- evidence note, at most 2.000 characters
    updated_at TEXT NOT NULL,
    updated_by BIGINT,                     -- users.id; NULL for the system
    updated_by_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (enterprise_id, criterion)
);

-- The §8 yearly statement, one per enterprise and financial year.
CREATE TABLE rsv_statements (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year >= 2014 AND year <= 9999),
    profit_after_tax_oere BIGINT NOT NULL,           -- may be negative (a loss)
    dividend_oere BIGINT NOT NULL DEFAULT 0 CHECK (dividend_oere >= 0),
    management_remuneration TEXT NOT NULL DEFAULT '',
    management_remuneration_oere BIGINT CHECK (management_remuneration_oere IS NULL OR management_remuneration_oere >= 0),
    related_party_agreements TEXT NOT NULL DEFAULT '',
    purpose_statement TEXT NOT NULL DEFAULT '',
    independence TEXT NOT NULL DEFAULT '',
    inclusive_governance TEXT NOT NULL DEFAULT '',
    submitted_on TEXT,                               -- date sent to the Danish Business Authority
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by BIGINT,
    updated_by BIGINT,
    updated_by_name TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX rsv_statements_enterprise_year ON rsv_statements (enterprise_id, year);
