-- $1 key, $2 value. The rows are inserted by migration 0007.
UPDATE settings SET value = $2 WHERE key = $1
