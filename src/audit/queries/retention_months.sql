SELECT value FROM settings WHERE key = 'audit_retention_months'
