-- An application reads its applicant's active vouchers (P6 balance, node Vouchers.applicant) by enterprise and
-- status. With an index on the enterprise alone, PostgreSQL may combine it with voucher_active_expiry, whose
-- predicate the status matches, in a BitmapAnd: it then reads the whole partial index, every active voucher of the
-- province, for each application. It does so when the table's statistics are thin or stale (a young or fast-growing
-- table, as any node's in its first round): in the node benchmark each application read 16,000 index entries to find
-- none. Both columns in one index make the status a condition of that index, so the applicant's own entries are all
-- any plan reads (ApplicantFactsTest); the index serves every look-up by enterprise the old one did.
CREATE INDEX voucher_enterprise_status ON voucher (enterprise_uscc, status);
DROP INDEX voucher_enterprise;
