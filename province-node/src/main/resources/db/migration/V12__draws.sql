-- P6 fair allocation of an oversubscribed window: a draw's seed is published before the window opens; its
-- applications wait, holding nothing, until the lottery after it closes.
CREATE TABLE draw (
    id           UUID         PRIMARY KEY,
    opens_on     DATE         NOT NULL UNIQUE,
    closes_on    DATE         NOT NULL,
    seed         VARCHAR(64)  NOT NULL,
    status       VARCHAR(12)  NOT NULL CHECK (status IN ('ANNOUNCED', 'DRAWN')),
    announced_at TIMESTAMPTZ  NOT NULL,
    announced_by VARCHAR(200) NOT NULL,
    drawn_at     TIMESTAMPTZ,
    drawn_by     VARCHAR(200),
    budgets      JSONB,
    drawn_order  JSONB,
    CHECK (closes_on >= opens_on)
);

ALTER TABLE voucher_application ADD COLUMN draw_id UUID REFERENCES draw;
CREATE UNIQUE INDEX voucher_application_one_per_draw ON voucher_application (draw_id, enterprise_uscc)
    WHERE draw_id IS NOT NULL;
CREATE INDEX voucher_application_draw ON voucher_application (draw_id, id) WHERE draw_id IS NOT NULL;
