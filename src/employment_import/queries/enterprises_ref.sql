-- Read-only join on the registry (documented in docs/architecture.md §2): every enterprise's
-- id, name and CVR, so an import row can name its enterprise by CVR or name.
SELECT id, name, cvr FROM enterprises ORDER BY id
