-- P9 service points: an enterprise authorises a third-party service point (its USCC) to apply and file for it,
-- for a limited time and scope, revocably.
CREATE TABLE agent_mandate (
    id              UUID          PRIMARY KEY,
    enterprise_uscc VARCHAR(18)   NOT NULL REFERENCES enterprise,
    agent_uscc      VARCHAR(18)   NOT NULL,
    scopes          VARCHAR(100)  NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_until     DATE          NOT NULL,
    granted_at      TIMESTAMPTZ   NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_reason  VARCHAR(500),
    CHECK (valid_until >= valid_from),
    CHECK (agent_uscc <> enterprise_uscc)
);
CREATE INDEX agent_mandate_enterprise ON agent_mandate (enterprise_uscc, agent_uscc);
CREATE INDEX agent_mandate_agent ON agent_mandate (agent_uscc) WHERE revoked_at IS NULL;
