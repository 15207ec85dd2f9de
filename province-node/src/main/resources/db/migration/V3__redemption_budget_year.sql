-- The budget year a redemption charges is its voucher's, fixed at filing; kept on the redemption so that
-- every transition's usage event can name it without reading the voucher again.
ALTER TABLE redemption ADD COLUMN budget_year INT;
UPDATE redemption r SET budget_year = v.budget_year FROM voucher v WHERE v.id = r.voucher_id;
ALTER TABLE redemption ALTER COLUMN budget_year SET NOT NULL;
