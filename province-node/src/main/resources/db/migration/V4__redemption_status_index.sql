-- The operator's work queue (GET /operator/redemptions?status=…) is read a page at a time, oldest first,
-- without scanning every redemption the province ever had.
CREATE INDEX redemption_status ON redemption (status, filed_at, id);
