-- A filing checks the provider's live voucher income in the budget year and the part of it from the enterprise's
-- group (RiskFlags.income). It summed every such redemption joined with its enterprise: a cost growing with the
-- provider's year (191 ms per filing for a provider with 10,000 redemptions). The total is now read from this index
-- alone (an index-only scan, no join), and the group's part through the group's own enterprises (enterprise_pkey,
-- enterprise_parent, redemption_pair): 4 ms for that provider.
CREATE INDEX redemption_provider_year_live ON redemption (provider_uscc, budget_year) INCLUDE (status, voucher_amount_fen);
DROP INDEX redemption_provider_year;
