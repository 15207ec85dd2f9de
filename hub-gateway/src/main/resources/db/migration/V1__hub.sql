-- The hub: YRD-wide facts only (recognition, the YRD negative list, routing, statistics). No enterprise
-- personal data beyond what the events carry.

-- Providers as their home provinces report them, and the hub's recognition decision (P5, P8, P14).
CREATE TABLE provider (
    uscc           VARCHAR(18)   PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    home_province  VARCHAR(2)    NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    categories     VARCHAR(2000) NOT NULL,
    qualifications TEXT          NOT NULL,
    recognised     BOOLEAN       NOT NULL,
    recognised_categories VARCHAR(2000) NOT NULL,
    reason         VARCHAR(500),
    updated_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX provider_catalogue ON provider (recognised, home_province);

-- Every province's negative-list entries (P13); the YRD list is their union.
CREATE TABLE credit_entry (
    province   VARCHAR(2)   NOT NULL,
    entry_id   VARCHAR(64)  NOT NULL,
    party_uscc VARCHAR(18)  NOT NULL,
    party_kind VARCHAR(16)  NOT NULL,
    party_name VARCHAR(200),
    reason     VARCHAR(500) NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE,
    ended      BOOLEAN      NOT NULL,
    PRIMARY KEY (province, entry_id)
);
CREATE INDEX credit_entry_party ON credit_entry (party_uscc);

-- Invoices (keyed hashes only) seen in any province, for duplicate detection across provinces.
CREATE TABLE invoice_seen (
    invoice_hash  VARCHAR(64) NOT NULL,
    redemption_id UUID        NOT NULL,
    province      VARCHAR(2)  NOT NULL,
    live          BOOLEAN     NOT NULL,
    seen_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (invoice_hash, redemption_id)
);

CREATE TABLE cross_region (
    redemption_id     UUID        PRIMARY KEY,
    issuing_province  VARCHAR(2)  NOT NULL,
    provider_province VARCHAR(2)  NOT NULL,
    provider_uscc     VARCHAR(18) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    answered_at       TIMESTAMPTZ
);

-- Data aggregation (P8): every usage event, stored once.
CREATE TABLE usage_event (
    event_id          UUID         PRIMARY KEY,
    type              VARCHAR(100) NOT NULL,
    province          VARCHAR(2)   NOT NULL,
    aggregate_id      VARCHAR(64)  NOT NULL,
    status            VARCHAR(24),
    amount_fen        BIGINT       NOT NULL,
    budget_year       INT,
    category          VARCHAR(64),
    provider_uscc     VARCHAR(18),
    provider_province VARCHAR(2),
    filed_at          TIMESTAMPTZ,
    at                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX usage_event_type ON usage_event (type, province);

-- The latest state of each redemption, projected from the usage events.
CREATE TABLE redemption_state (
    redemption_id     UUID        PRIMARY KEY,
    province          VARCHAR(2)  NOT NULL,
    provider_uscc     VARCHAR(18) NOT NULL,
    provider_province VARCHAR(2)  NOT NULL,
    category          VARCHAR(64) NOT NULL,
    status            VARCHAR(24) NOT NULL,
    voucher_amount_fen BIGINT     NOT NULL,
    budget_year       INT         NOT NULL,
    filed_at          TIMESTAMPTZ NOT NULL,
    paid_at           TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE ledger_snapshot (
    province     VARCHAR(2)  NOT NULL,
    year         INT         NOT NULL,
    budget_fen   BIGINT      NOT NULL,
    issued_fen   BIGINT      NOT NULL,
    held_fen     BIGINT      NOT NULL,
    redeemed_fen BIGINT      NOT NULL,
    expired_fen  BIGINT      NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (province, year)
);

-- Events refused because a node spoke about another province's entities (provenance).
CREATE TABLE provenance_refusal (
    id       BIGSERIAL    PRIMARY KEY,
    event_id VARCHAR(64)  NOT NULL,
    source   VARCHAR(100) NOT NULL,
    type     VARCHAR(100) NOT NULL,
    reason   VARCHAR(500) NOT NULL,
    at       TIMESTAMPTZ  NOT NULL
);
