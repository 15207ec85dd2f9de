-- P3, P13: one invoice of one provider is redeemed at most once, however its number is typed. invoice_no keeps
-- what was typed (the record stays as filed); invoice_key is its identity (DocumentNumbers.key: NFKC, upper case,
-- no spaces, hyphens, dashes, underscores, dots, slashes or invisible characters), set by the node at filing. Rows
-- filed before are given the same key here.
ALTER TABLE redemption ADD COLUMN invoice_key VARCHAR(64);
UPDATE redemption SET invoice_key = upper(regexp_replace(normalize(invoice_no, NFKC),
    '[[:space:]_./\\·・‐‑‒–—―−﹣－\u200B-\u200F\u2060\uFEFF-]', '', 'g'));
ALTER TABLE redemption ALTER COLUMN invoice_key SET NOT NULL;
-- replaces the index on the number as typed (V1), which let FP-77 and fp-77 both through
DROP INDEX redemption_invoice_once;
CREATE UNIQUE INDEX redemption_invoice_key_once ON redemption (provider_uscc, invoice_key)
    WHERE status NOT IN ('REJECTED', 'DISPUTED', 'EXPIRED');
