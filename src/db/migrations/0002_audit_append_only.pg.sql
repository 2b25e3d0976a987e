-- 0002: the audit log is append-only (LG-03). PostgreSQL variant of 0002_audit_append_only.sql.
-- UPDATE (and TRUNCATE) is always refused. DELETE is allowed only for rows older than 28 days
-- by the database's own clock: the retention prune (audit::AuditLog::prune, at least one
-- month) is the only DELETE in the code, and this trigger is the safety net against anything
-- else.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log is append-only';
    END IF;
    IF OLD.at > to_char((now() AT TIME ZONE 'UTC') - interval '28 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') THEN
        RAISE EXCEPTION 'audit_log rows younger than 28 days cannot be deleted';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_recent_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
