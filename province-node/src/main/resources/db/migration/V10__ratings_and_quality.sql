-- P8, P11: after payment, the enterprise rates the service once; the hub's library of high-quality providers
-- reaches this node with the registry.
CREATE TABLE rating (
    redemption_id   UUID         PRIMARY KEY REFERENCES redemption,
    enterprise_uscc VARCHAR(18)  NOT NULL,
    provider_uscc   VARCHAR(18)  NOT NULL,
    score           SMALLINT     NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment         VARCHAR(500),
    rated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rating_provider ON rating (provider_uscc);

ALTER TABLE provider_registry ADD COLUMN quality BOOLEAN NOT NULL DEFAULT false;
