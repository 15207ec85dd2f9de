-- The tables behind Outbox, OutboxRelay and Inbox, for every app that uses them (nodes and the hub).

-- Written in the same transaction as the state change it announces; the relay publishes it in id order.
CREATE TABLE outbox (
    id         BIGSERIAL    PRIMARY KEY,
    topic      VARCHAR(100) NOT NULL,
    event_key  VARCHAR(100) NOT NULL,
    event_id   UUID         NOT NULL UNIQUE,
    payload    TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Ids of consumed events, written in the same transaction as their effect: a redelivery changes nothing.
CREATE TABLE inbox (
    event_id     UUID         PRIMARY KEY,
    event_type   VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);
