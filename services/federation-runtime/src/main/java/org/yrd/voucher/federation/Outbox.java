package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;

/**
 * The transactional outbox: business code records an event here in the same transaction as the state
 * change it announces, never on an emitter directly, so an event is published if and only if its change
 * committed. {@link OutboxRelay} publishes it.
 *
 * <p>A transaction's events are written together just before it commits ({@link CommitWrites}, with whatever else
 * it writes then), in the order they were published (the relay's order): a consumer applying a polled batch of n
 * events in one transaction then pays one round trip for its outbox, not n. Until then nothing is written, so a
 * transaction that rolls back leaves no row.
 */
@ApplicationScoped
public class Outbox {
    /** Fired once by each transaction that publishes events; observed after its commit to wake the relay. */
    public record Written() {}

    private static final List<String> COLUMNS = List.of("topic", "event_key", "event_id", "payload", "created_at");
    private static final List<String> TYPES = List.of("varchar", "varchar", "uuid", "text", "timestamptz");

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final String source;
    private final Event<Written> written;
    private final CommitWrites commitWrites;

    /** {@code yrd.federation.source}: {@code /yrd/node/<province>} on a node, {@code /yrd/hub} on the hub. */
    Outbox(EntityManager em, TransactionSynchronizationRegistry transactions, Clock clock,
           @ConfigProperty(name = "yrd.federation.source") String source, Event<Written> written,
           CommitWrites commitWrites) {
        this.commitWrites = commitWrites;
        this.em = em;
        this.transactions = transactions;
        this.clock = clock;
        this.source = source;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, Object data) {
        return add(topic, key, EventCodec.envelope(source, type, key, clock.instant(), data));
    }

    /**
     * Publishes an event that carries the whole state of {@code key} (a provider's standing, a party's place on the
     * negative list), numbered one above the key's previous one: a receiver applies only a newer number than it
     * holds, so an old copy replayed at any time changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publishState(String topic, String key, String type, Object data) {
        long sequence = ((Number) em.createNativeQuery("""
                        INSERT INTO event_sequence (topic, event_key, last) VALUES (?1, ?2, 1)
                        ON CONFLICT (topic, event_key) DO UPDATE SET last = event_sequence.last + 1 RETURNING last""")
                .setParameter(1, topic).setParameter(2, key).getSingleResult()).longValue();
        return add(topic, key, EventCodec.envelope(source, type, key, clock.instant(), data).withSequence(sequence));
    }

    /**
     * Kept unsigned: the relay signs what it sends, one signature for each batch it sends ({@link OutboxRelay}), off
     * the request's path and outside its locks.
     */
    private CloudEvent add(String topic, String key, CloudEvent e) {
        pending().rows.add(new Row(topic, key, UUID.fromString(e.id()), EventCodec.write(e), OffsetDateTime.now(clock)));
        return e;
    }

    private record Row(String topic, String key, UUID eventId, String payload, OffsetDateTime createdAt) {}

    /**
     * This transaction's unwritten events; the first call asks for their write at commit and for the relay to be woken
     * once the transaction has committed (one wake-up for all of its events).
     */
    private Pending pending() {
        Pending p = (Pending) transactions.getResource(Pending.class);
        if (p == null) {
            Pending fresh = new Pending();
            commitWrites.beforeCommit(fresh::writes);
            transactions.putResource(Pending.class, fresh);
            written.fire(new Written());
            p = fresh;
        }
        return p;
    }

    private static final class Pending {
        final List<Row> rows = new ArrayList<>();

        /** The events in the order they were published (the relay's order), in one INSERT of any number of rows. */
        List<CommitWrites.Write> writes() {
            if (rows.isEmpty()) {
                return List.of();
            }
            List<List<Object>> values = new ArrayList<>(rows.size());
            for (Row r : rows) {
                values.add(List.of(r.topic(), r.key(), r.eventId(), r.payload(), r.createdAt()));
            }
            return List.of(CommitWrites.Write.insertRows("outbox", COLUMNS, TYPES, values));
        }
    }
}
