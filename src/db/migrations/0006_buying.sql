-- 0006: buying (B2): requests from buyers to enterprises about catalogue items, voluntary
-- purchase agreements (frivillige indkøbsaftaler) and recorded purchases, so spend with social
-- enterprises can be summed per year, buyer organisation and enterprise (docs/buying.md).
-- Portable SQL for SQLite and PostgreSQL; conventions as in 0001. Users have no organisation,
-- so the buyer organisation is stored as text on each row; `buyer_key` is its lower-cased copy
-- (core::to_lower_danish, written by the service) for grouping.

-- A buyer's request about a catalogue item. The item may be deleted later: the request keeps
-- its title and enterprise (item_id becomes NULL).
CREATE TABLE buying_requests (
    id {{id}},
    item_id BIGINT REFERENCES catalogue_items (id) ON DELETE SET NULL,
    item_title TEXT NOT NULL,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    buyer_user_id BIGINT NOT NULL,         -- users.id of the buyer who sent it
    buyer_organisation TEXT NOT NULL,
    message TEXT NOT NULL,
    quantity TEXT NOT NULL DEFAULT '',     -- free text, e.g. '40 kuverter'
    desired_date TEXT,                     -- 'YYYY-MM-DD' or NULL
    status TEXT NOT NULL CHECK (status IN ('sent', 'answered', 'declined')),
    answer TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    answered_by BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX buying_requests_enterprise ON buying_requests (enterprise_id, created_at);
CREATE INDEX buying_requests_buyer ON buying_requests (buyer_user_id, created_at);

-- A voluntary purchase agreement between a buyer organisation and an enterprise.
CREATE TABLE purchase_agreements (
    id {{id}},
    buyer_organisation TEXT NOT NULL,
    buyer_key TEXT NOT NULL,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,                         -- NULL = open-ended
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT,                     -- users.id; NULL for the system
    CONSTRAINT purchase_agreements_period CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX purchase_agreements_enterprise ON purchase_agreements (enterprise_id);
CREATE INDEX purchase_agreements_created_by ON purchase_agreements (created_by);

-- A purchase, counted in the year of `purchase_date` (when it happened, not when it was typed).
CREATE TABLE purchases (
    id {{id}},
    purchase_date TEXT NOT NULL,
    amount_oere BIGINT NOT NULL,
    buyer_organisation TEXT NOT NULL,
    buyer_key TEXT NOT NULL,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    agreement_id BIGINT REFERENCES purchase_agreements (id),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT,
    CONSTRAINT purchases_amount CHECK (amount_oere > 0 AND amount_oere <= 1000000000)
);
CREATE INDEX purchases_date ON purchases (purchase_date);
CREATE INDEX purchases_enterprise ON purchases (enterprise_id);
CREATE INDEX purchases_created_by ON purchases (created_by);
