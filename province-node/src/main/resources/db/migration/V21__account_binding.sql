-- A company that registered an account itself (no government identity platform where it signs in) asks for its
-- account to be bound to its USCC; an operator of the province confirms or rejects it (docs/security.md
-- "Accounts"). Until then the account reaches nothing but this request. An account has at most one request open or
-- confirmed; a rejected one may ask again.
CREATE TABLE account_binding (
    id                  uuid PRIMARY KEY,
    subject             varchar(64)  NOT NULL,
    username            varchar(255),
    uscc                varchar(18)  NOT NULL,
    company_name        varchar(200) NOT NULL,
    kind                varchar(16)  NOT NULL CHECK (kind IN ('ENTERPRISE', 'PROVIDER', 'SERVICE_POINT')),
    status              varchar(12)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    requested_at        timestamptz  NOT NULL,
    decided_at          timestamptz,
    decided_by          varchar(255),
    decision_reason     varchar(500)
);
CREATE UNIQUE INDEX account_binding_open ON account_binding (subject) WHERE status IN ('PENDING', 'CONFIRMED');
CREATE INDEX account_binding_queue ON account_binding (status, requested_at);
