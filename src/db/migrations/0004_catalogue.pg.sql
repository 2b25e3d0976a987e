-- 0004: the shared product and service catalogue (B1). PostgreSQL variant of
-- 0004_catalogue.sqlite.sql: the same table, with a generated tsvector over the lower-cased
-- title (weight A) and description (weight B) — `title_key` and `description_key`, written by
-- the service with core::to_lower_danish, so the result does not depend on the cluster's
-- locale — with the built-in `danish` text search configuration (Snowball Danish stemmer; æøå
-- kept), indexed with GIN.
CREATE TABLE catalogue_items (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    price_oere BIGINT,
    unit TEXT NOT NULL DEFAULT '',
    delivery_area TEXT NOT NULL DEFAULT '',
    description_key TEXT NOT NULL DEFAULT '',
    search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, title_key), 'A') ||
                                                setweight(to_tsvector('danish'::regconfig, description_key), 'B')) STORED,
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
CREATE INDEX catalogue_items_search ON catalogue_items USING GIN (search_vector);
