-- The task group's figures kept as they change, in the transaction of the usage event that changes them (triggers
-- on the two tables every usage event writes), so a dashboard query reads a handful of rows instead of grouping
-- every redemption: per province and year the money issued, expired, held and redeemed; per flow, category and
-- provider what was paid. A state that moves is taken out of its old place and put in its new one.
CREATE TABLE province_year_totals (
    province     VARCHAR(2) NOT NULL,
    year         INT        NOT NULL,
    issued_fen   BIGINT     NOT NULL DEFAULT 0,
    expired_fen  BIGINT     NOT NULL DEFAULT 0,
    held_fen     BIGINT     NOT NULL DEFAULT 0,
    redeemed_fen BIGINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (province, year)
);
CREATE TABLE paid_flow (
    province          VARCHAR(2) NOT NULL,
    provider_province VARCHAR(2) NOT NULL,
    count             BIGINT     NOT NULL,
    amount_fen        BIGINT     NOT NULL,
    PRIMARY KEY (province, provider_province)
);
CREATE TABLE paid_category (
    category   VARCHAR(64) PRIMARY KEY,
    count      BIGINT      NOT NULL,
    amount_fen BIGINT      NOT NULL
);
CREATE TABLE paid_provider (
    provider_uscc     VARCHAR(18) NOT NULL,
    provider_province VARCHAR(2)  NOT NULL,
    count             BIGINT      NOT NULL,
    amount_fen        BIGINT      NOT NULL,
    PRIMARY KEY (provider_uscc, provider_province)
);
CREATE INDEX paid_provider_amount ON paid_provider (amount_fen DESC, count DESC);

CREATE FUNCTION rollup_redemption(r redemption_state, sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF r.status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED') THEN
        INSERT INTO province_year_totals AS t (province, year, held_fen)
        VALUES (r.province, r.budget_year, sign * r.voucher_amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET held_fen = t.held_fen + excluded.held_fen;
    ELSIF r.status = 'PAID' THEN
        INSERT INTO province_year_totals AS t (province, year, redeemed_fen)
        VALUES (r.province, r.budget_year, sign * r.voucher_amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET redeemed_fen = t.redeemed_fen + excluded.redeemed_fen;
        INSERT INTO paid_flow AS t VALUES (r.province, r.provider_province, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (province, provider_province) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
        INSERT INTO paid_category AS t VALUES (r.category, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (category) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
        INSERT INTO paid_provider AS t VALUES (r.provider_uscc, r.provider_province, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (provider_uscc, provider_province) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
    END IF;
END $$;

CREATE FUNCTION redemption_state_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM rollup_redemption(OLD, -1);
    END IF;
    PERFORM rollup_redemption(NEW, 1);
    RETURN NULL;
END $$;
CREATE TRIGGER redemption_state_rollup AFTER INSERT OR UPDATE ON redemption_state
    FOR EACH ROW EXECUTE FUNCTION redemption_state_rollup();

CREATE FUNCTION usage_event_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'yrd.voucher.issued.v1' THEN
        INSERT INTO province_year_totals AS t (province, year, issued_fen) VALUES (NEW.province, NEW.budget_year, NEW.amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET issued_fen = t.issued_fen + excluded.issued_fen;
    ELSIF NEW.type = 'yrd.voucher.expired.v1' THEN
        INSERT INTO province_year_totals AS t (province, year, expired_fen) VALUES (NEW.province, NEW.budget_year, NEW.amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET expired_fen = t.expired_fen + excluded.expired_fen;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER usage_event_rollup AFTER INSERT ON usage_event
    FOR EACH ROW EXECUTE FUNCTION usage_event_rollup();

-- what the hub already holds
INSERT INTO province_year_totals (province, year, issued_fen, expired_fen)
SELECT province, budget_year, coalesce(sum(amount_fen) FILTER (WHERE type = 'yrd.voucher.issued.v1'), 0),
       coalesce(sum(amount_fen) FILTER (WHERE type = 'yrd.voucher.expired.v1'), 0)
FROM usage_event WHERE type IN ('yrd.voucher.issued.v1', 'yrd.voucher.expired.v1') AND budget_year IS NOT NULL
GROUP BY 1, 2;
INSERT INTO province_year_totals AS t (province, year, held_fen, redeemed_fen)
SELECT province, budget_year,
       coalesce(sum(voucher_amount_fen) FILTER (WHERE status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED')), 0),
       coalesce(sum(voucher_amount_fen) FILTER (WHERE status = 'PAID'), 0)
FROM redemption_state GROUP BY 1, 2
ON CONFLICT (province, year) DO UPDATE SET held_fen = excluded.held_fen, redeemed_fen = excluded.redeemed_fen;
INSERT INTO paid_flow SELECT province, provider_province, count(*), sum(voucher_amount_fen)
FROM redemption_state WHERE status = 'PAID' GROUP BY 1, 2;
INSERT INTO paid_category SELECT category, count(*), sum(voucher_amount_fen)
FROM redemption_state WHERE status = 'PAID' GROUP BY 1;
INSERT INTO paid_provider SELECT provider_uscc, provider_province, count(*), sum(voucher_amount_fen)
FROM redemption_state WHERE status = 'PAID' GROUP BY 1, 2;
