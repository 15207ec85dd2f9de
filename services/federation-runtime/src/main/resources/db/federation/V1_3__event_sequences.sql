-- Producer side: the last sequence number given to a state-carrying event per topic and key (Outbox.publishState).
-- The row is locked until the transaction commits, so the numbers of one key follow the order of the commits.
CREATE TABLE event_sequence (
    topic     VARCHAR(100) NOT NULL,
    event_key VARCHAR(100) NOT NULL,
    last      BIGINT       NOT NULL,
    PRIMARY KEY (topic, event_key)
);

-- Receiver side: the newest state applied per channel, source and subject. Unlike the inbox it is never purged, so
-- an old state replayed after the inbox has forgotten it is still recognised as old.
CREATE TABLE applied_sequence (
    channel    VARCHAR(64)  NOT NULL,
    source     VARCHAR(100) NOT NULL,
    subject    VARCHAR(500) NOT NULL,
    last       BIGINT       NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel, source, subject)
);
