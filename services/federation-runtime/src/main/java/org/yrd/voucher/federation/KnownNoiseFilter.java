package org.yrd.voucher.federation;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Log lines that say nothing an operator can act on, dropped from the console. Apps name it in
 * {@code quarkus.log.console.filter=known-noise}.
 * <ul>
 * <li>While the broker is away, the Kafka connector logs an error for every event it could not send. Those events
 * are safe in the outbox and the relay says once that the broker is away ({@link OutboxRelay}).</li>
 * <li>Agroal warns "Closing open connection(s) prior to commit" for every transaction in which Hibernate ORM
 * still holds its connection at commit. Quarkus configures Hibernate to give the connection back when the
 * session closes, just after the commit, so nothing leaks (a known false warning of Quarkus with Agroal); on a
 * busy node it was one line per request.</li>
 * </ul>
 */
@LoggingFilter(name = "known-noise")
public final class KnownNoiseFilter implements Filter {
    /** SmallRye's "Unable to write to Kafka from channel …". */
    private static final String UNABLE_TO_WRITE = "SRMSG18206";
    private static final String OPEN_AT_COMMIT = "open connection(s) prior to commit";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return true;
        }
        if (message.startsWith(UNABLE_TO_WRITE) || message.contains(OPEN_AT_COMMIT)) {
            return false;
        }
        Object[] params = record.getParameters();
        if (params != null) { // "Datasource '{0}': {1}"
            for (Object p : params) {
                if (p instanceof String s && s.contains(OPEN_AT_COMMIT)) {
                    return false;
                }
            }
        }
        return true;
    }
}
