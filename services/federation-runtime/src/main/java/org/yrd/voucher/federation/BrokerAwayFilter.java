package org.yrd.voucher.federation;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * While the broker is away, the Kafka connector logs an error for every event it could not send. Those events
 * are safe in the outbox and the relay says once that the broker is away ({@link OutboxRelay}), so these
 * repeats are dropped. Apps name it in {@code quarkus.log.console.filter=broker-away}.
 */
@LoggingFilter(name = "broker-away")
public final class BrokerAwayFilter implements Filter {
    /** SmallRye's "Unable to write to Kafka from channel …". */
    private static final String UNABLE_TO_WRITE = "SRMSG18206";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        return message == null || !message.startsWith(UNABLE_TO_WRITE);
    }
}
