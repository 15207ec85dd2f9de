-- P10: the enterprise's district with each voucher and redemption, for the task group's statistics by city.
ALTER TABLE usage_event ADD COLUMN district VARCHAR(6);
ALTER TABLE redemption_state ADD COLUMN district VARCHAR(6);
CREATE INDEX usage_event_district ON usage_event (type, budget_year) WHERE district IS NOT NULL;
