-- Records a consumer refused (EventCheck.Reason), kept for the people who must look: bounded fields, the record
-- itself only as its SHA-256, its size and an excerpt with control characters escaped. The same record refused
-- again (a redelivery, a burst of copies) counts up on its row instead of adding one.
CREATE TABLE quarantine (
    id            BIGSERIAL     PRIMARY KEY,
    channel       VARCHAR(64)   NOT NULL,
    reason        VARCHAR(32)   NOT NULL,
    detail        VARCHAR(500)  NOT NULL,
    event_id      VARCHAR(64),
    event_type    VARCHAR(100),
    source        VARCHAR(100),
    record_sha256 CHAR(64)      NOT NULL,
    record_bytes  INT           NOT NULL,
    excerpt       VARCHAR(1000) NOT NULL,
    first_at      TIMESTAMPTZ   NOT NULL,
    last_at       TIMESTAMPTZ   NOT NULL,
    times         INT           NOT NULL DEFAULT 1,
    UNIQUE (channel, record_sha256)
);
CREATE INDEX quarantine_last_at ON quarantine (last_at);
