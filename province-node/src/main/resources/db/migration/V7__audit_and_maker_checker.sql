-- The audit trail (docs/security.md): every decision by a person and every money movement, append-only and
-- hash-chained: each record's hash is SHA-256 over its content and the previous record's hash (node audit/Audit).
CREATE TABLE audit_record (
    seq            BIGINT       PRIMARY KEY,
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
    client_address VARCHAR(64),
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX audit_record_at ON audit_record (at);
CREATE INDEX audit_record_actor ON audit_record (actor_name);
CREATE INDEX audit_record_target ON audit_record (target);

-- the end of the chain; its row lock orders the appends
CREATE TABLE audit_head (
    id   INT      PRIMARY KEY CHECK (id = 1),
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

-- append-only: the application never changes or removes a record (an administrator who disables this trigger
-- to rewrite history is caught by the chain and by the heads the hub keeps)
CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only';
END $$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();

-- maker-checker for payments: who approved a redemption (a person, or the system by the auto-approval rule)
-- and who recorded its payment
ALTER TABLE redemption ADD COLUMN decided_by VARCHAR(100), ADD COLUMN decided_by_subject VARCHAR(100),
    ADD COLUMN paid_by VARCHAR(100), ADD COLUMN paid_by_subject VARCHAR(100);

-- maker-checker for policy: a version is drafted by one operator and published when a second one confirms it
CREATE TABLE policy_draft (
    id                   UUID         PRIMARY KEY,
    effective_from       DATE         NOT NULL,
    document             TEXT         NOT NULL,
    note                 VARCHAR(500),
    drafted_at           TIMESTAMPTZ  NOT NULL,
    drafted_by           VARCHAR(100) NOT NULL,
    drafted_by_subject   VARCHAR(100) NOT NULL,
    status               VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    confirmed_at         TIMESTAMPTZ,
    confirmed_by         VARCHAR(100),
    confirmed_by_subject VARCHAR(100),
    version              INT          REFERENCES policy_version
);
CREATE INDEX policy_draft_open ON policy_draft (drafted_at) WHERE status = 'DRAFT';
