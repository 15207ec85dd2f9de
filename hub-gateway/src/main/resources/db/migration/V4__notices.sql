-- P12 publicity: the YRD-wide notices and typical cases the provinces publish.
CREATE TABLE notice (
    province           VARCHAR(2)    NOT NULL,
    notice_id          UUID          NOT NULL,
    kind               VARCHAR(8)    NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    body               TEXT          NOT NULL,
    category           VARCHAR(64),
    expenditure_fen    BIGINT,
    voucher_amount_fen BIGINT,
    published_at       TIMESTAMPTZ   NOT NULL,
    withdrawn_at       TIMESTAMPTZ,
    PRIMARY KEY (province, notice_id)
);
CREATE INDEX notice_published ON notice (published_at DESC) WHERE withdrawn_at IS NULL;
