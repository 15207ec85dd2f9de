-- One province node: policy, parties, vouchers, redemptions, ledger. Money is BIGINT fen.

CREATE TABLE policy_version (
    version        INT          PRIMARY KEY,
    effective_from DATE         NOT NULL,
    document       TEXT         NOT NULL,
    published_at   TIMESTAMPTZ  NOT NULL,
    published_by   VARCHAR(100) NOT NULL
);

-- The province's budget per calendar year; issued_fen moves only by a conditional update.
CREATE TABLE budget_year (
    year       INT    PRIMARY KEY,
    budget_fen BIGINT NOT NULL CHECK (budget_fen >= 0),
    issued_fen BIGINT NOT NULL DEFAULT 0 CHECK (issued_fen >= 0),
    CONSTRAINT budget_not_over_issued CHECK (issued_fen <= budget_fen)
);

CREATE TABLE enterprise (
    uscc                  VARCHAR(18)     PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    recipient_type        VARCHAR(20)  NOT NULL,
    sme_registration_no   VARCHAR(64),
    sme_registration_year INT,
    district_code         VARCHAR(6)   NOT NULL,
    registered_at         TIMESTAMPTZ  NOT NULL
);

-- P6 annual cap per enterprise, moved only by a conditional update.
CREATE TABLE enterprise_year (
    uscc       VARCHAR(18) NOT NULL REFERENCES enterprise,
    year       INT      NOT NULL,
    issued_fen BIGINT   NOT NULL DEFAULT 0 CHECK (issued_fen >= 0),
    PRIMARY KEY (uscc, year)
);

CREATE TABLE provider (
    uscc           VARCHAR(18)      PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    categories     VARCHAR(2000) NOT NULL,
    qualifications JSONB         NOT NULL,
    applied_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);

CREATE TABLE provider_status_change (
    id            BIGSERIAL    PRIMARY KEY,
    provider_uscc VARCHAR(18)     NOT NULL REFERENCES provider,
    from_status   VARCHAR(16),
    to_status     VARCHAR(16)  NOT NULL,
    reason        VARCHAR(500),
    actor         VARCHAR(100) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX provider_status_change_provider ON provider_status_change (provider_uscc, id);

CREATE TABLE voucher_application (
    id              UUID         PRIMARY KEY,
    enterprise_uscc VARCHAR(18)     NOT NULL REFERENCES enterprise,
    amount_fen      BIGINT       NOT NULL CHECK (amount_fen > 0),
    status          VARCHAR(16)  NOT NULL,
    policy_version  INT          NOT NULL REFERENCES policy_version,
    filed_at        TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      VARCHAR(100),
    decision_reason VARCHAR(500),
    voucher_id      UUID
);
CREATE INDEX voucher_application_enterprise ON voucher_application (enterprise_uscc);
CREATE INDEX voucher_application_pending ON voucher_application (status) WHERE status = 'PENDING';

CREATE TABLE voucher (
    id              UUID        PRIMARY KEY,
    enterprise_uscc VARCHAR(18)    NOT NULL REFERENCES enterprise,
    application_id  UUID        NOT NULL UNIQUE REFERENCES voucher_application,
    budget_year     INT         NOT NULL REFERENCES budget_year,
    face_value_fen  BIGINT      NOT NULL CHECK (face_value_fen > 0),
    held_fen        BIGINT      NOT NULL DEFAULT 0 CHECK (held_fen >= 0),
    redeemed_fen    BIGINT      NOT NULL DEFAULT 0 CHECK (redeemed_fen >= 0),
    expired_fen     BIGINT      NOT NULL DEFAULT 0 CHECK (expired_fen >= 0),
    status          VARCHAR(16) NOT NULL,
    issued_on       DATE        NOT NULL,
    expires_on      DATE        NOT NULL,
    policy_version  INT         NOT NULL REFERENCES policy_version,
    -- the balance never goes below zero, whatever the interleaving
    CONSTRAINT voucher_never_overdrawn CHECK (held_fen + redeemed_fen + expired_fen <= face_value_fen)
);
CREATE INDEX voucher_enterprise ON voucher (enterprise_uscc);
CREATE INDEX voucher_active_expiry ON voucher (expires_on) WHERE status = 'ACTIVE';

CREATE TABLE redemption (
    id                     UUID         PRIMARY KEY,
    voucher_id             UUID         NOT NULL REFERENCES voucher,
    enterprise_uscc        VARCHAR(18)     NOT NULL REFERENCES enterprise,
    provider_uscc          VARCHAR(18)     NOT NULL REFERENCES provider,
    category               VARCHAR(64)  NOT NULL,
    contract_no            VARCHAR(64)  NOT NULL,
    invoice_no             VARCHAR(64)  NOT NULL,
    completion_date        DATE         NOT NULL,
    actual_expenditure_fen BIGINT       NOT NULL CHECK (actual_expenditure_fen > 0),
    requested_fen          BIGINT       NOT NULL CHECK (requested_fen > 0),
    voucher_amount_fen     BIGINT       NOT NULL CHECK (voucher_amount_fen > 0),
    enterprise_share_fen   BIGINT       NOT NULL CHECK (enterprise_share_fen >= 0),
    payee                  VARCHAR(16)  NOT NULL,
    payee_uscc             VARCHAR(18)     NOT NULL,
    status                 VARCHAR(24)  NOT NULL,
    policy_version         INT          NOT NULL REFERENCES policy_version,
    filed_at               TIMESTAMPTZ  NOT NULL,
    confirmed_at           TIMESTAMPTZ,
    decided_at             TIMESTAMPTZ,
    paid_at                TIMESTAMPTZ,
    payment_reference      VARCHAR(100),
    reason                 VARCHAR(500),
    -- P6: never above actual expenditure
    CONSTRAINT redemption_within_expenditure CHECK (voucher_amount_fen + enterprise_share_fen = actual_expenditure_fen)
);
-- One invoice of one provider is redeemed at most once (a refused or disputed filing may be refiled).
CREATE UNIQUE INDEX redemption_invoice_once ON redemption (provider_uscc, invoice_no)
    WHERE status NOT IN ('REJECTED', 'DISPUTED', 'EXPIRED');
CREATE INDEX redemption_voucher ON redemption (voucher_id);
CREATE INDEX redemption_provider ON redemption (provider_uscc, status);
CREATE INDEX redemption_awaiting ON redemption (filed_at) WHERE status = 'FILED';

-- Append-only money movements; the trigger below refuses UPDATE and DELETE.
CREATE TABLE ledger_entry (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    kind           VARCHAR(8)  NOT NULL CHECK (kind IN ('ISSUE', 'HOLD', 'RELEASE', 'REDEEM', 'EXPIRE')),
    amount_fen     BIGINT      NOT NULL CHECK (amount_fen > 0),
    budget_year    INT         NOT NULL,
    voucher_id     UUID        NOT NULL REFERENCES voucher,
    redemption_id  UUID        REFERENCES redemption,
    policy_version INT         NOT NULL
);
CREATE INDEX ledger_entry_voucher ON ledger_entry (voucher_id);
CREATE INDEX ledger_entry_year ON ledger_entry (budget_year, kind);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only';
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- P13 negative list: local entries (the YRD list arrives with the federation).
CREATE TABLE negative_list_entry (
    id           UUID         PRIMARY KEY,
    party_uscc   VARCHAR(18)     NOT NULL,
    party_kind   VARCHAR(16)  NOT NULL,
    party_name   VARCHAR(200),
    reason       VARCHAR(500) NOT NULL,
    starts_on    DATE         NOT NULL,
    ends_on      DATE,
    listed_by    VARCHAR(100) NOT NULL,
    listed_at    TIMESTAMPTZ  NOT NULL,
    ended_at     TIMESTAMPTZ,
    ended_by     VARCHAR(100),
    ended_reason VARCHAR(500)
);
CREATE INDEX negative_list_party ON negative_list_entry (party_uscc);

CREATE TABLE idempotency_key (
    scope        VARCHAR(200) NOT NULL,
    key          VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    status       INT,
    body         TEXT,
    problem      TEXT,
    PRIMARY KEY (scope, key)
);
