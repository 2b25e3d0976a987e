-- 0004: the shared product and service catalogue (B1). SQLite variant of 0004_catalogue.pg.sql.
-- Items belong to an enterprise of the registry; only published items of social enterprises and
-- initiatives that are not closed are public (see docs/catalogue.md).
CREATE TABLE catalogue_items (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,               -- lower-cased title (Danish letters too) for sorting
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,                -- vocabulary code (kind catalogue_category)
    price_oere BIGINT,                     -- NULL = "pris efter aftale"
    unit TEXT NOT NULL DEFAULT '',         -- "stk.", "time", "kuvert", …
    delivery_area TEXT NOT NULL DEFAULT '',
    description_key TEXT NOT NULL DEFAULT '',  -- lower-cased description (PostgreSQL indexes it)
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by BIGINT,
    updated_by BIGINT,
    CHECK (price_oere IS NULL OR price_oere >= 0)
);
CREATE INDEX catalogue_items_enterprise ON catalogue_items (enterprise_id);
CREATE INDEX catalogue_items_status_category ON catalogue_items (status, category);
CREATE INDEX catalogue_items_title_key ON catalogue_items (title_key);

-- Full-text index over title and description with the Danish tokenizer (lower-casing that
-- keeps æøå, Snowball Danish stemming; registered by db/sqlite on every connection). External
-- content: the text lives in catalogue_items; the triggers keep the index in the same
-- transaction as every write.
CREATE VIRTUAL TABLE catalogue_fts USING fts5(
    title, description, content = 'catalogue_items', content_rowid = 'id', tokenize = 'danish');

CREATE TRIGGER catalogue_items_fts_insert AFTER INSERT ON catalogue_items BEGIN
    INSERT INTO catalogue_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER catalogue_items_fts_delete AFTER DELETE ON catalogue_items BEGIN
    INSERT INTO catalogue_fts (catalogue_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER catalogue_items_fts_update AFTER UPDATE OF title, description ON catalogue_items BEGIN
    INSERT INTO catalogue_fts (catalogue_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO catalogue_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
