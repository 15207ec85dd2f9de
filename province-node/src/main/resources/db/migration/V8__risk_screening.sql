-- P13 risk prevention: who stands behind each party, the filings' declared relations and contract hashes, and
-- the flags the screening rules raise.
ALTER TABLE enterprise
    ADD COLUMN legal_representative VARCHAR(100),
    ADD COLUMN contact_phone        VARCHAR(32),
    ADD COLUMN address              VARCHAR(300),
    ADD COLUMN parent_uscc          VARCHAR(18);
CREATE INDEX enterprise_parent ON enterprise (parent_uscc) WHERE parent_uscc IS NOT NULL;

ALTER TABLE provider
    ADD COLUMN legal_representative VARCHAR(100),
    ADD COLUMN contact_phone        VARCHAR(32),
    ADD COLUMN address              VARCHAR(300);

ALTER TABLE redemption
    ADD COLUMN relation_declared BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX redemption_pair ON redemption (enterprise_uscc, provider_uscc, filed_at);
CREATE INDEX redemption_provider_year ON redemption (provider_uscc, budget_year);

CREATE TABLE risk_flag (
    id                 UUID         PRIMARY KEY,
    redemption_id      UUID         NOT NULL REFERENCES redemption,
    rule               VARCHAR(32)  NOT NULL,
    evidence           JSONB        NOT NULL,
    source             VARCHAR(8)   NOT NULL CHECK (source IN ('NODE', 'HUB')),
    status             VARCHAR(12)  NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'CLEARED')),
    raised_at          TIMESTAMPTZ  NOT NULL,
    decided_at         TIMESTAMPTZ,
    decided_by         VARCHAR(200),
    decided_by_subject VARCHAR(200),
    decision_reason    VARCHAR(500),
    UNIQUE (redemption_id, rule)
);
CREATE INDEX risk_flag_status ON risk_flag (status, raised_at);
