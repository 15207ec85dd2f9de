-- P13 social supervision: reports from the public, and their triage.
CREATE TABLE public_report (
    id                  UUID          PRIMARY KEY,
    subject_kind        VARCHAR(16)   NOT NULL CHECK (subject_kind IN ('PROVIDER', 'ENTERPRISE', 'REDEMPTION')),
    subject             VARCHAR(64)   NOT NULL,
    description         VARCHAR(2000) NOT NULL,
    contact             VARCHAR(200),
    reporter_key        VARCHAR(64)   NOT NULL,
    status              VARCHAR(12)   NOT NULL CHECK (status IN ('RECEIVED', 'ACCEPTED', 'DISMISSED', 'REFERRED')),
    received_at         TIMESTAMPTZ   NOT NULL,
    decided_at          TIMESTAMPTZ,
    decided_by          VARCHAR(200),
    decision_reason     VARCHAR(500),
    negative_list_entry UUID REFERENCES negative_list_entry
);
CREATE INDEX public_report_reporter ON public_report (reporter_key, received_at);
CREATE INDEX public_report_status ON public_report (status, received_at);

-- P12 publicity: notices and typical cases.
CREATE TABLE notice (
    id                 UUID          PRIMARY KEY,
    kind               VARCHAR(8)    NOT NULL CHECK (kind IN ('NOTICE', 'CASE')),
    title              VARCHAR(200)  NOT NULL,
    body               TEXT          NOT NULL,
    category           VARCHAR(64),
    expenditure_fen    BIGINT CHECK (expenditure_fen >= 0),
    voucher_amount_fen BIGINT CHECK (voucher_amount_fen >= 0),
    yrd_wide           BOOLEAN       NOT NULL,
    published_at       TIMESTAMPTZ   NOT NULL,
    published_by       VARCHAR(200)  NOT NULL,
    withdrawn_at       TIMESTAMPTZ,
    withdrawn_reason   VARCHAR(500)
);
CREATE INDEX notice_published ON notice (published_at DESC) WHERE withdrawn_at IS NULL;
