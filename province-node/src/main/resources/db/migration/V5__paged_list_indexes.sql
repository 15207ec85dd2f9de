-- Every list that grows with the province's activity is read a page at a time in a stable order; these
-- indexes serve each page without scanning or sorting the whole table.

-- GET /enterprises/{uscc}/redemptions: there was no index on the enterprise at all
CREATE INDEX redemption_enterprise ON redemption (enterprise_uscc, filed_at, id);

-- GET /providers/{uscc}/redemptions (the old index served the provider but not the order)
DROP INDEX redemption_provider;
CREATE INDEX redemption_provider ON redemption (provider_uscc, filed_at, id);

-- GET /providers/{uscc}/incoming-redemptions
DROP INDEX incoming_redemption_provider;
CREATE INDEX incoming_redemption_provider ON incoming_redemption (provider_uscc, received_at, id);

-- GET /operator/applications/pending
DROP INDEX voucher_application_pending;
CREATE INDEX voucher_application_pending ON voucher_application (filed_at, id) WHERE status = 'PENDING';
