-- P13 risk screening: a filing compares the enterprise group's part of the provider's live voucher income in the
-- budget year with the whole of it (RiskRules CONCENTRATION). The whole was summed over every live redemption of the
-- provider's year at each filing (V20's index): a cost growing with the provider's year, paid by every filing, and
-- an index carrying the redemption's status, rewritten at each of its steps. It is now a total kept with the
-- redemptions, exact in every transaction.
--
-- The total follows the redemptions by a trigger deferred to the commit: a transaction takes a total's row lock in
-- its last moment, after every other row it writes, so filings of one provider wait on one another only for their
-- commits, and a step that locks a redemption and then its voucher never waits for a total while it holds one. (Two
-- runs of the expiry ending redemptions of the same providers at once could take their totals in different orders;
-- PostgreSQL then ends one of them, whose redemptions the next run takes.) A step that keeps a redemption live
-- (confirm, approve, pay) does not touch the total.

-- the one SQL spelling of States.LIVE (federation-events); ProviderIncomeTest checks that the two agree
CREATE FUNCTION redemption_live(status VARCHAR) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED', 'PAID')
$$;

CREATE TABLE provider_year_income (
    provider_uscc VARCHAR(18) NOT NULL,
    budget_year   INT         NOT NULL,
    live_fen      BIGINT      NOT NULL CHECK (live_fen >= 0),
    PRIMARY KEY (provider_uscc, budget_year)
);

INSERT INTO provider_year_income (provider_uscc, budget_year, live_fen)
SELECT provider_uscc, budget_year, sum(voucher_amount_fen) FROM redemption WHERE redemption_live(status)
GROUP BY provider_uscc, budget_year;

CREATE FUNCTION provider_income_follows() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF redemption_live(OLD.status) THEN
            UPDATE provider_year_income SET live_fen = live_fen - OLD.voucher_amount_fen
            WHERE provider_uscc = OLD.provider_uscc AND budget_year = OLD.budget_year;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF redemption_live(NEW.status) THEN
            INSERT INTO provider_year_income AS t (provider_uscc, budget_year, live_fen)
            VALUES (NEW.provider_uscc, NEW.budget_year, NEW.voucher_amount_fen)
            ON CONFLICT (provider_uscc, budget_year) DO UPDATE SET live_fen = t.live_fen + excluded.live_fen;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER provider_income_on_insert AFTER INSERT ON redemption
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (redemption_live(NEW.status))
    EXECUTE FUNCTION provider_income_follows();
CREATE CONSTRAINT TRIGGER provider_income_on_update
    AFTER UPDATE OF status, voucher_amount_fen, provider_uscc, budget_year ON redemption
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (redemption_live(OLD.status) IS DISTINCT FROM redemption_live(NEW.status)
          OR (redemption_live(NEW.status) AND (OLD.voucher_amount_fen, OLD.provider_uscc, OLD.budget_year)
              IS DISTINCT FROM (NEW.voucher_amount_fen, NEW.provider_uscc, NEW.budget_year)))
    EXECUTE FUNCTION provider_income_follows();
CREATE CONSTRAINT TRIGGER provider_income_on_delete AFTER DELETE ON redemption
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (redemption_live(OLD.status))
    EXECUTE FUNCTION provider_income_follows();

-- read from the total now; its index carried the status (no step of a redemption was a HOT update)
DROP INDEX redemption_provider_year_live;
