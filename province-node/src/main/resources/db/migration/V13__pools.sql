-- P10 province–city–district work system: city and district pools within the province's annual budget, each
-- taken only by a conditional update like the budget; each voucher and redemption keeps its enterprise's district.
CREATE TABLE pool_year (
    year       INT          NOT NULL,
    code       VARCHAR(6)   NOT NULL,
    name       VARCHAR(100) NOT NULL,
    budget_fen BIGINT       NOT NULL CHECK (budget_fen >= 0),
    issued_fen BIGINT       NOT NULL DEFAULT 0 CHECK (issued_fen >= 0),
    PRIMARY KEY (year, code),
    CONSTRAINT pool_not_over_issued CHECK (issued_fen <= budget_fen)
);

ALTER TABLE voucher
    ADD COLUMN district_code VARCHAR(6),
    ADD COLUMN pools         VARCHAR(20);
UPDATE voucher v SET district_code = e.district_code FROM enterprise e WHERE e.uscc = v.enterprise_uscc;

ALTER TABLE redemption ADD COLUMN district_code VARCHAR(6);
UPDATE redemption r SET district_code = e.district_code FROM enterprise e WHERE e.uscc = r.enterprise_uscc;
