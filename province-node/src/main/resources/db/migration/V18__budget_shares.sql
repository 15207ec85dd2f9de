-- P6 under a storm of approvals (docs/architecture.md "Money under concurrency"): the year's budget is held in shares, each taken by
-- a conditional update of its own, so that concurrent issues lock different rows instead of queuing on one until
-- each commits. A share never issues beyond its part (a CHECK), the shares always add up to the year's budget (a
-- trigger checked at commit whenever a share's part or the budget changes), and the year's figures are their sums
-- (budget_year_total).
CREATE TABLE budget_share (
    year       INT      NOT NULL REFERENCES budget_year,
    shard      SMALLINT NOT NULL CHECK (shard >= 0),
    budget_fen BIGINT   NOT NULL CHECK (budget_fen >= 0),
    issued_fen BIGINT   NOT NULL DEFAULT 0 CHECK (issued_fen >= 0),
    PRIMARY KEY (year, shard),
    CONSTRAINT share_not_over_issued CHECK (issued_fen <= budget_fen)
);

-- the years so far: what was issued stays in share 0, what is left is split evenly across the eight
INSERT INTO budget_share (year, shard, budget_fen, issued_fen)
SELECT y.year, s, (y.budget_fen - y.issued_fen) / 8
         + CASE WHEN s = 0 THEN y.issued_fen + (y.budget_fen - y.issued_fen) % 8 ELSE 0 END,
       CASE WHEN s = 0 THEN y.issued_fen ELSE 0 END
FROM budget_year y, generate_series(0, 7) s;

ALTER TABLE budget_year DROP CONSTRAINT budget_not_over_issued;
ALTER TABLE budget_year DROP COLUMN issued_fen;

CREATE FUNCTION budget_shares_add_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    shares BIGINT;
    budget BIGINT;
BEGIN
    SELECT sum(budget_fen) INTO shares FROM budget_share WHERE year = NEW.year;
    SELECT budget_fen INTO budget FROM budget_year WHERE year = NEW.year;
    IF shares IS DISTINCT FROM budget THEN
        RAISE EXCEPTION 'the budget shares of % add up to % instead of the budget %', NEW.year, shares, budget;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER budget_shares_add_up AFTER INSERT OR UPDATE OF budget_fen ON budget_share
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION budget_shares_add_up();
CREATE CONSTRAINT TRIGGER budget_year_is_its_shares AFTER INSERT OR UPDATE OF budget_fen ON budget_year
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION budget_shares_add_up();

-- the year as before: its budget and what was issued from it
CREATE VIEW budget_year_total AS
SELECT y.year, y.budget_fen, coalesce(sum(s.issued_fen), 0)::BIGINT AS issued_fen
FROM budget_year y LEFT JOIN budget_share s ON s.year = y.year
GROUP BY y.year, y.budget_fen;
