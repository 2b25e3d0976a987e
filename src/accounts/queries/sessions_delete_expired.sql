-- $1: now (absolute lifetime over); $2: now minus the idle timeout.
DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2
