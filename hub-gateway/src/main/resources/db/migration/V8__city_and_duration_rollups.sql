-- The rest of the task group's figures as rollups kept in the usage event's transaction (V7): what was paid per
-- flow, category and provider now per budget year too (the dashboard filters by year), per city and year, and the
-- filing → payment times.
ALTER TABLE paid_flow ADD COLUMN year INT NOT NULL DEFAULT 0;
ALTER TABLE paid_flow DROP CONSTRAINT paid_flow_pkey, ADD PRIMARY KEY (province, provider_province, year);
ALTER TABLE paid_category ADD COLUMN year INT NOT NULL DEFAULT 0;
ALTER TABLE paid_category DROP CONSTRAINT paid_category_pkey, ADD PRIMARY KEY (category, year);
ALTER TABLE paid_provider ADD COLUMN year INT NOT NULL DEFAULT 0;
ALTER TABLE paid_provider DROP CONSTRAINT paid_provider_pkey, ADD PRIMARY KEY (provider_uscc, provider_province, year);
DROP INDEX paid_provider_amount;
ALTER TABLE paid_flow ALTER COLUMN year DROP DEFAULT;
ALTER TABLE paid_category ALTER COLUMN year DROP DEFAULT;
ALTER TABLE paid_provider ALTER COLUMN year DROP DEFAULT;
--
-- P9 filing → payment time, for the task group's percentiles and distribution: a histogram per issuing province and year in
-- buckets 1 % wide (bucket b holds the durations in [1.01^b, 1.01^(b+1)) seconds; -1 those under a second), kept by
-- the redemption_state trigger in the usage event's transaction. The dashboard reads a few thousand rows at most,
-- whatever the number of redemptions; a percentile is exact to within 1 % (statistics/DurationHistogram).
CREATE TABLE paid_duration (
    province VARCHAR(2) NOT NULL,
    year     INT        NOT NULL,
    bucket   INT        NOT NULL,
    count    BIGINT     NOT NULL,
    PRIMARY KEY (province, year, bucket)
);

-- P10 per city (the first four digits of the enterprise's district) and budget year: vouchers issued and
-- redemptions paid, kept by the same triggers
CREATE TABLE city_year_totals (
    province    VARCHAR(2) NOT NULL,
    city        VARCHAR(4) NOT NULL,
    year        INT        NOT NULL,
    vouchers    BIGINT     NOT NULL DEFAULT 0,
    issued_fen  BIGINT     NOT NULL DEFAULT 0,
    paid        BIGINT     NOT NULL DEFAULT 0,
    redeemed_fen BIGINT    NOT NULL DEFAULT 0,
    PRIMARY KEY (province, city, year)
);

-- the export streams redemptions in filing order from the first row, without sorting them all first
CREATE INDEX redemption_state_filed ON redemption_state (filed_at);

CREATE FUNCTION duration_bucket(seconds DOUBLE PRECISION) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN seconds < 1 THEN -1 ELSE floor(ln(seconds) / ln(1.01))::int END
$$;

CREATE OR REPLACE FUNCTION rollup_redemption(r redemption_state, sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF r.status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED') THEN
        INSERT INTO province_year_totals AS t (province, year, held_fen)
        VALUES (r.province, r.budget_year, sign * r.voucher_amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET held_fen = t.held_fen + excluded.held_fen;
    ELSIF r.status = 'PAID' THEN
        INSERT INTO province_year_totals AS t (province, year, redeemed_fen)
        VALUES (r.province, r.budget_year, sign * r.voucher_amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET redeemed_fen = t.redeemed_fen + excluded.redeemed_fen;
        INSERT INTO paid_flow AS t (province, provider_province, year, count, amount_fen)
        VALUES (r.province, r.provider_province, r.budget_year, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (province, provider_province, year) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
        INSERT INTO paid_category AS t (category, year, count, amount_fen)
        VALUES (r.category, r.budget_year, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (category, year) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
        INSERT INTO paid_provider AS t (provider_uscc, provider_province, year, count, amount_fen)
        VALUES (r.provider_uscc, r.provider_province, r.budget_year, sign, sign * r.voucher_amount_fen)
        ON CONFLICT (provider_uscc, provider_province, year) DO UPDATE
            SET count = t.count + excluded.count, amount_fen = t.amount_fen + excluded.amount_fen;
        IF r.district IS NOT NULL THEN
            INSERT INTO city_year_totals AS t (province, city, year, paid, redeemed_fen)
            VALUES (r.province, left(r.district, 4), r.budget_year, sign, sign * r.voucher_amount_fen)
            ON CONFLICT (province, city, year) DO UPDATE
                SET paid = t.paid + excluded.paid, redeemed_fen = t.redeemed_fen + excluded.redeemed_fen;
        END IF;
        IF r.filed_at IS NOT NULL AND r.paid_at IS NOT NULL THEN
            INSERT INTO paid_duration AS t
            VALUES (r.province, r.budget_year, duration_bucket(extract(epoch FROM r.paid_at - r.filed_at)), sign)
            ON CONFLICT (province, year, bucket) DO UPDATE SET count = t.count + excluded.count;
        END IF;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION usage_event_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.type = 'yrd.voucher.issued.v1' THEN
        INSERT INTO province_year_totals AS t (province, year, issued_fen) VALUES (NEW.province, NEW.budget_year, NEW.amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET issued_fen = t.issued_fen + excluded.issued_fen;
        IF NEW.district IS NOT NULL AND NEW.budget_year IS NOT NULL THEN
            INSERT INTO city_year_totals AS t (province, city, year, vouchers, issued_fen)
            VALUES (NEW.province, left(NEW.district, 4), NEW.budget_year, 1, NEW.amount_fen)
            ON CONFLICT (province, city, year) DO UPDATE
                SET vouchers = t.vouchers + 1, issued_fen = t.issued_fen + excluded.issued_fen;
        END IF;
    ELSIF NEW.type = 'yrd.voucher.expired.v1' THEN
        INSERT INTO province_year_totals AS t (province, year, expired_fen) VALUES (NEW.province, NEW.budget_year, NEW.amount_fen)
        ON CONFLICT (province, year) DO UPDATE SET expired_fen = t.expired_fen + excluded.expired_fen;
    END IF;
    RETURN NULL;
END $$;

-- Every rollup recomputed from the base tables, in one pass each: what the hub already holds now, and for an
-- operator who wants to check or repair them (SELECT rebuild_statistics(); in one transaction with the consumers
-- stopped). A test compares the triggers' rollups with these same queries.
CREATE FUNCTION rebuild_statistics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE province_year_totals, paid_flow, paid_category, paid_provider, paid_duration, city_year_totals;
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
    INSERT INTO paid_flow (province, provider_province, year, count, amount_fen)
    SELECT province, provider_province, budget_year, count(*), sum(voucher_amount_fen)
    FROM redemption_state WHERE status = 'PAID' GROUP BY 1, 2, 3;
    INSERT INTO paid_category (category, year, count, amount_fen)
    SELECT category, budget_year, count(*), sum(voucher_amount_fen) FROM redemption_state WHERE status = 'PAID'
    GROUP BY 1, 2;
    INSERT INTO paid_provider (provider_uscc, provider_province, year, count, amount_fen)
    SELECT provider_uscc, provider_province, budget_year, count(*), sum(voucher_amount_fen)
    FROM redemption_state WHERE status = 'PAID' GROUP BY 1, 2, 3;
    INSERT INTO paid_duration
    SELECT province, budget_year, duration_bucket(extract(epoch FROM paid_at - filed_at)), count(*) FROM redemption_state
    WHERE status = 'PAID' AND filed_at IS NOT NULL AND paid_at IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO city_year_totals (province, city, year, vouchers, issued_fen)
    SELECT province, left(district, 4), budget_year, count(*), sum(amount_fen) FROM usage_event
    WHERE type = 'yrd.voucher.issued.v1' AND district IS NOT NULL AND budget_year IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO city_year_totals AS t (province, city, year, paid, redeemed_fen)
    SELECT province, left(district, 4), budget_year, count(*), sum(voucher_amount_fen) FROM redemption_state
    WHERE status = 'PAID' AND district IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (province, city, year) DO UPDATE SET paid = excluded.paid, redeemed_fen = excluded.redeemed_fen;
END $$;

SELECT rebuild_statistics();
