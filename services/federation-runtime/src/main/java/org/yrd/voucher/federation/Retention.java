package org.yrd.voucher.federation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the inbox from growing without bound. Sent outbox rows and inbox ids older than
 * {@code yrd.federation.retention} (default 30 days) are deleted, a slice at a time; unsent rows are never
 * deleted. An inbox id must outlive every copy of its event that could still be delivered, so the retention
 * must be longer than the retention of the Kafka topics (7 days by default).
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int SLICE = 10_000;

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;

    Retention(EntityManager em, Clock clock,
              @ConfigProperty(name = "yrd.federation.retention", defaultValue = "P30D") Duration retention) {
        this.em = em;
        this.clock = clock;
        this.retention = retention;
    }

    /** {@code yrd.federation.retention.purge-every}: how often to purge ({@code off} to never). */
    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${yrd.federation.retention.purge-every:1h}", delayed = "1m", identity = "federation-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long[] purged = purge();
        if (purged[0] + purged[1] + purged[2] > 0) {
            LOG.infof("retention: purged %d sent outbox rows, %d inbox ids and %d quarantined records older than %s",
                    purged[0], purged[1], purged[2], retention);
        }
    }

    /**
     * Deletes what is past retention; returns {sent outbox rows, inbox ids, quarantined records} deleted. The
     * sequences of applied states are never deleted: they are what recognises a replay after the inbox forgot it.
     */
    public long[] purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        // an unsent row has no sent_at, so it is never older than the cutoff
        return new long[] {olderThan("outbox", "sent_at", cutoff), olderThan("inbox", "processed_at", cutoff),
                olderThan("quarantine", "last_at", cutoff)};
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} is before {@code cutoff}, in slices of
     * {@value #SLICE}, each its own short transaction, so that a first purge of a large table never holds
     * locks for long. Returns how many rows were deleted. The names are the caller's constants, never input.
     */
    public long olderThan(String table, String column, OffsetDateTime cutoff) {
        String sql = "DELETE FROM %1$s WHERE ctid = ANY(ARRAY(SELECT ctid FROM %1$s WHERE %2$s < ?1 LIMIT %3$d))"
                .formatted(table, column, SLICE);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, cutoff).executeUpdate());
            total += deleted;
        } while (deleted == SLICE);
        return total;
    }
}
