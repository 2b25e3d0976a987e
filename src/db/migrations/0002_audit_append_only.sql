-- 0002: the audit log is append-only (LG-03). This base file is SQLite syntax; PostgreSQL
-- uses 0002_audit_append_only.pg.sql.
-- UPDATE is always refused. DELETE is allowed only for rows older than 28 days by the
-- database's own clock: the retention prune (audit::AuditLog::prune, at least one month) is
-- the only DELETE in the code, and this trigger is the safety net against anything else.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_recent_delete BEFORE DELETE ON audit_log
WHEN OLD.at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-28 days')
BEGIN
    SELECT RAISE(ABORT, 'audit_log rows younger than 28 days cannot be deleted');
END;
