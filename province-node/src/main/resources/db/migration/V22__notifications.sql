-- Notifications (docs/architecture.md "Notifications"): every step that waits for someone tells them. They are
-- derived from the audit trail, itself written in the transaction of what it records: the notifier reads the
-- linked records after its cursor and writes the notifications, their e-mails to send and the new cursor in one
-- transaction, so that none is lost or made twice when a process dies.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    audit_seq       bigint       NOT NULL,
    recipient_uscc  varchar(18),
    recipient_role  varchar(16),
    kind            varchar(48)  NOT NULL,
    target          varchar(120) NOT NULL,
    amount_fen      bigint,
    created_at      timestamptz  NOT NULL,
    CHECK ((recipient_uscc IS NULL) <> (recipient_role IS NULL))
);
CREATE UNIQUE INDEX notification_once ON notification (audit_seq, kind, coalesce(recipient_uscc, recipient_role));
CREATE INDEX notification_uscc ON notification (recipient_uscc, created_at) WHERE recipient_uscc IS NOT NULL;
CREATE INDEX notification_role ON notification (recipient_role, created_at) WHERE recipient_role IS NOT NULL;

-- read per person: a company's or a role's notification is read by each of its accounts on its own
CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    subject         varchar(64) NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, subject)
);

-- the accounts the node has seen in its console, with the address and language their mails go to
CREATE TABLE notification_account (
    subject         varchar(64)  PRIMARY KEY,
    username        varchar(255),
    uscc            varchar(18),
    roles           varchar(100) NOT NULL,
    email           varchar(255),
    locale          varchar(8)   NOT NULL,
    email_enabled   boolean      NOT NULL DEFAULT true,
    seen_at         timestamptz  NOT NULL
);
CREATE INDEX notification_account_uscc ON notification_account (uscc) WHERE uscc IS NOT NULL;

-- the mails to send, one per notification and account; SENT once the SMTP server took it
CREATE TABLE notification_mail (
    id              uuid PRIMARY KEY,
    notification_id uuid         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    subject         varchar(64)  NOT NULL,
    address         varchar(255) NOT NULL,
    locale          varchar(8)   NOT NULL,
    status          varchar(8)   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    sent_at         timestamptz,
    UNIQUE (notification_id, subject)
);
CREATE INDEX notification_mail_due ON notification_mail (next_attempt_at) WHERE status = 'PENDING';

-- how far the notifier has read the audit trail
CREATE TABLE notification_cursor (
    id   int    PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL
);
INSERT INTO notification_cursor (id, seq) SELECT 1, coalesce(max(seq), 0) FROM audit_record;
