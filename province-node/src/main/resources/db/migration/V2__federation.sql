-- Federation: replicas of the hub's registry and YRD negative list, cross-region redemptions in both
-- directions. The outbox and inbox tables come with services/federation-runtime (db/federation).

-- Replica of the compacted yrd.provider-registry topic: providers recognised YRD-wide (P8, P14).
CREATE TABLE provider_registry (
    uscc           VARCHAR(18)   PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    home_province  VARCHAR(2)    NOT NULL,
    recognised     BOOLEAN       NOT NULL,
    categories     VARCHAR(2000) NOT NULL,
    reason         VARCHAR(500),
    updated_at     TIMESTAMPTZ   NOT NULL
);

-- Replica of the compacted yrd.credit topic: the YRD negative list (joint punishment, P13).
CREATE TABLE yrd_credit (
    party_uscc VARCHAR(18)  PRIMARY KEY,
    party_kind VARCHAR(16),
    party_name VARCHAR(200),
    listed     BOOLEAN      NOT NULL,
    entries    TEXT         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Redemptions filed in this province with a provider of another province.
ALTER TABLE redemption DROP CONSTRAINT redemption_provider_uscc_fkey;
ALTER TABLE redemption ADD COLUMN provider_province VARCHAR(2);
ALTER TABLE redemption ADD COLUMN invoice_hash VARCHAR(64);
UPDATE redemption SET provider_province = '${province}';
ALTER TABLE redemption ALTER COLUMN provider_province SET NOT NULL;
CREATE INDEX redemption_invoice_hash ON redemption (invoice_hash);

-- Confirmation requests from other provinces for this province's providers.
CREATE TABLE incoming_redemption (
    id                     UUID         PRIMARY KEY,
    issuing_province       VARCHAR(2)   NOT NULL,
    provider_uscc          VARCHAR(18)  NOT NULL,
    enterprise_uscc        VARCHAR(18)  NOT NULL,
    enterprise_name        VARCHAR(200),
    category               VARCHAR(64)  NOT NULL,
    contract_no            VARCHAR(64)  NOT NULL,
    invoice_hash           VARCHAR(64)     NOT NULL,
    actual_expenditure_fen BIGINT       NOT NULL,
    voucher_amount_fen     BIGINT       NOT NULL,
    completion_date        DATE         NOT NULL,
    filed_at               TIMESTAMPTZ  NOT NULL,
    received_at            TIMESTAMPTZ  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    answered_at            TIMESTAMPTZ,
    reason                 VARCHAR(500)
);
CREATE INDEX incoming_redemption_provider ON incoming_redemption (provider_uscc, status);
CREATE INDEX incoming_redemption_invoice ON incoming_redemption (invoice_hash);
