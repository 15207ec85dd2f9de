-- The audit trail without one lock every transaction waits for (docs/security.md "Audit trail"): a transaction
-- writes its records here, in the transaction of what they record, with no position in the chain; after commit
-- the chainer (node audit/AuditChain) moves them into audit_record in the order it takes them, each linked by
-- its hash to the one before. Only the chainer locks audit_head, so money transactions no longer queue on it.
CREATE TABLE audit_pending (
    id             BIGSERIAL    PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    actor_subject  VARCHAR(100) NOT NULL,
    actor_name     VARCHAR(100),
    actor_role     VARCHAR(20)  NOT NULL,
    actor_province VARCHAR(2),
    actor_uscc     VARCHAR(18),
    action         VARCHAR(60)  NOT NULL,
    target         VARCHAR(120) NOT NULL,
    outcome        VARCHAR(60)  NOT NULL,
    amount_fen     BIGINT,
    detail         VARCHAR(500),
    request_id     VARCHAR(64),
    client_address VARCHAR(64)
);

-- a record waiting for its place is never changed; it leaves only into the chain (the chainer deletes what it
-- has inserted into audit_record, in the same transaction)
CREATE FUNCTION audit_pending_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_pending records are never changed';
END $$;
CREATE TRIGGER audit_pending_unchanged BEFORE UPDATE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_unchanged();
