-- P13 risk prevention across provinces: each filing's contract (keyed hash) and amount, and every node's risk
-- flags with their outcome, for the task group's statistics per rule.
CREATE TABLE contract_claim (
    redemption_id          UUID        PRIMARY KEY,
    province               VARCHAR(2)  NOT NULL,
    provider_uscc          VARCHAR(18) NOT NULL,
    contract_hash          VARCHAR(64) NOT NULL,
    actual_expenditure_fen BIGINT      NOT NULL,
    invoice_hash           VARCHAR(64) NOT NULL,
    live                   BOOLEAN     NOT NULL,
    filed_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_claim_contract ON contract_claim (provider_uscc, contract_hash, actual_expenditure_fen) WHERE live;

CREATE TABLE risk_flag (
    province      VARCHAR(2)  NOT NULL,
    flag_id       UUID        NOT NULL,
    redemption_id UUID        NOT NULL,
    rule          VARCHAR(32) NOT NULL,
    source        VARCHAR(8)  NOT NULL,
    status        VARCHAR(12) NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (province, flag_id)
);
CREATE INDEX risk_flag_rule ON risk_flag (rule, status);
