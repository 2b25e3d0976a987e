-- 0001: accounts, sessions, login throttling, API tokens, the audit log and settings.
-- Portable SQL for SQLite and PostgreSQL. `{{id}}` is the dialect's auto-increment primary
-- key. Dates are TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DDTHH:MM:SSZ' in UTC (text order
-- is time order), booleans INTEGER 0/1. References to an `{{id}}` column are BIGINT.
-- No rows are inserted into `users` here or anywhere else: there are no default accounts
-- (AU-04); the first administrator is made with `brobygger user add`.

CREATE TABLE users (
    id {{id}},
    username TEXT NOT NULL,                -- as entered (display form)
    username_key TEXT NOT NULL,            -- lower-cased username: uniqueness is case-insensitive
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'consultant', 'caseworker', 'enterprise', 'buyer')),
    -- The enterprise an `enterprise` user belongs to. No FOREIGN KEY yet: the enterprises table
    -- arrives in a later migration, which adds the constraint (or checks it in the service).
    enterprise_id BIGINT,
    password_hash TEXT NOT NULL,           -- argon2id string from libsodium; never the password
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    CHECK ((role = 'enterprise') = (enterprise_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (username_key);
CREATE INDEX users_role ON users (role);

-- Server-side sessions. The cookie holds a random token; only its BLAKE2b-256 hash is stored,
-- so a copy of the database does not hand out live sessions.
CREATE TABLE sessions (
    id {{id}},
    token_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,              -- synchroniser token; useless without the session cookie
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,            -- idle timeout; refreshed at most once a minute
    expires_at TEXT NOT NULL,              -- absolute lifetime
    client_ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''    -- shortened to 200 characters
);
CREATE UNIQUE INDEX sessions_token_hash ON sessions (token_hash);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Login attempts for throttling per account (kind 'user', subject = lower-cased user name as
-- typed, also for unknown names) and per client address (kind 'ip'). Pruned by the service.
CREATE TABLE login_attempts (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('user', 'ip')),
    subject TEXT NOT NULL,
    at TEXT NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1))
);
CREATE INDEX login_attempts_subject ON login_attempts (kind, subject, at);
CREATE INDEX login_attempts_at ON login_attempts (at);

-- Machine tokens for the JSON API. The secret is shown once; only its hash is stored.
CREATE TABLE api_tokens (
    id {{id}},
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    prefix TEXT NOT NULL,                  -- first characters of the secret, for recognising it
    role TEXT NOT NULL CHECK (role IN ('admin', 'consultant', 'caseworker', 'enterprise', 'buyer')),
    enterprise_id BIGINT,                  -- see users.enterprise_id
    created_by BIGINT REFERENCES users (id),  -- NULL when made by the system (CLI)
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    CHECK ((role = 'enterprise') = (enterprise_id IS NOT NULL))
);
CREATE UNIQUE INDEX api_tokens_token_hash ON api_tokens (token_hash);

-- The audit log (LG-01, LG-07): one row per use of personal data and per security event.
-- Append-only for the application: migration 0002 adds triggers that refuse UPDATE, and
-- refuse DELETE of rows younger than 28 days. The only DELETE in the code is the retention
-- prune (audit::AuditLog::prune), which removes rows older than the configured period.
-- No foreign keys: the log must outlive and not depend on the rows it mentions.
CREATE TABLE audit_log (
    id {{id}},
    at TEXT NOT NULL,
    user_id BIGINT,                        -- NULL for the system (CLI, jobs) and unknown users
    username TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    enterprise_id BIGINT,                  -- the actor's organisation, when it is an enterprise
    action TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id TEXT NOT NULL DEFAULT '',
    criteria TEXT NOT NULL DEFAULT '',     -- search criterion or details of the change
    purpose TEXT NOT NULL DEFAULT '',      -- purpose or case reference
    client_ip TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'ok'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_user ON audit_log (user_id, at);

-- Installation-wide settings, edited by administrators.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Access logs are kept 6 months by default (the legacy Danish baseline, LG-04).
INSERT INTO settings (key, value) VALUES ('audit_retention_months', '6');
INSERT INTO settings (key, value) VALUES ('municipality_name', '');
