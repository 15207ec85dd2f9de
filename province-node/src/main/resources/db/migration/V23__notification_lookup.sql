-- Notifications by mail to people who never signed in (docs/architecture.md "Notifications"): when a company's
-- notification finds no account of it, the node asks its realm for the company's people and their addresses; it
-- remembers when it last asked, so that a company without anyone there is asked again an hour later, not every run.
CREATE TABLE notification_lookup (
    uscc      varchar(18) PRIMARY KEY,
    looked_at timestamptz NOT NULL,
    found     int         NOT NULL
);
