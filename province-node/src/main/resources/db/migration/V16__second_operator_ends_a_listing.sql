-- P13 strict process management: a listing ends only when a second operator confirms what a first one asked for
-- (maker-checker, audited). The request is kept beside the entry; the entry stays in force until it is confirmed.
ALTER TABLE negative_list_entry ADD COLUMN end_requested_at TIMESTAMPTZ, ADD COLUMN end_requested_by VARCHAR(100),
    ADD COLUMN end_requested_by_subject VARCHAR(100), ADD COLUMN end_requested_reason VARCHAR(500);
