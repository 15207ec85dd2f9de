-- The ends of each node's audit chain as the hub received them with the ledger snapshots (docs/security.md):
-- a witness outside the node, so that a history rewritten there afterwards no longer matches.
CREATE TABLE audit_head (
    province    VARCHAR(2)  NOT NULL,
    seq         BIGINT      NOT NULL,
    hash        CHAR(64)    NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (province, seq)
);
