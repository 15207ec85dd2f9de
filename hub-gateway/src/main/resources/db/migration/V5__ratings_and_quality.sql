-- P8, P11: the enterprises' ratings, who each redemption served (for the providers' reports), and the library of
-- high-quality providers (优质服务机构资源库).
CREATE TABLE rating (
    redemption_id UUID        PRIMARY KEY,
    province      VARCHAR(2)  NOT NULL,
    provider_uscc VARCHAR(18) NOT NULL,
    score         SMALLINT    NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX rating_provider ON rating (provider_uscc);

ALTER TABLE redemption_state ADD COLUMN enterprise_uscc VARCHAR(18);
CREATE INDEX redemption_state_provider ON redemption_state (provider_uscc, status, budget_year);

ALTER TABLE provider
    ADD COLUMN quality       BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN quality_since TIMESTAMPTZ;
