package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.events.CloudEvent;

/** Consumed event ids, recorded in the same transaction as the event's effect. */
@ApplicationScoped
public class Inbox {
    static final int CLEAR_EVERY = 64;

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True the first time this event is seen; false for a redelivery, whose effect must then be skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent e) {
        return em.createNativeQuery("""
                        INSERT INTO inbox (event_id, event_type, processed_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(e.id())).setParameter(2, e.type())
                .setParameter(3, OffsetDateTime.now(clock)).executeUpdate() == 1;
    }

    /**
     * Applies the events of a polled batch that are seen for the first time, in their order, inside the
     * caller's transaction: all ids are recorded in one round trip, and an event redelivered, or repeated
     * within the batch, is skipped. The session is flushed after each event and cleared after every
     * {@value #CLEAR_EVERY}: a batch of n events does not cost n² dirty checks, and the rows its events share
     * (a provider, a voucher) are read once per batch rather than once per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eachFirstDelivery(List<CloudEvent> events, Consumer<CloudEvent> effect) {
        Map<UUID, CloudEvent> byId = new LinkedHashMap<>();
        for (CloudEvent e : events) {
            byId.putIfAbsent(UUID.fromString(e.id()), e);
        }
        if (byId.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> recorded = em.createNativeQuery("""
                        INSERT INTO inbox (event_id, event_type, processed_at)
                        SELECT id, type, ?3 FROM unnest(cast(?1 AS uuid[]), cast(?2 AS varchar[])) AS e(id, type)
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("inbox")
                .setParameter(1, byId.keySet().toArray(new UUID[0]))
                .setParameter(2, byId.values().stream().map(CloudEvent::type).toArray(String[]::new))
                .setParameter(3, OffsetDateTime.now(clock)).getResultList();
        Set<UUID> fresh = new HashSet<>(recorded);
        int applied = 0;
        for (Map.Entry<UUID, CloudEvent> e : byId.entrySet()) {
            if (fresh.contains(e.getKey())) {
                effect.accept(e.getValue());
                em.flush();
                if (++applied % CLEAR_EVERY == 0) {
                    em.clear();
                }
            }
        }
    }

    /**
     * True if {@code e} carries a newer state of its subject than the newest applied on {@code channel}, which it
     * then becomes; false for an older or equal one (a replay), whose effect must be skipped. An event without a
     * sequence (from a producer before sequences) counts as new only while nothing numbered has been applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean newerState(String channel, CloudEvent e) {
        long sequence = e.sequence() == null ? 0 : e.sequence();
        return em.createNativeQuery("""
                        INSERT INTO applied_sequence (channel, source, subject, last, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (channel, source, subject) DO UPDATE SET last = excluded.last,
                          applied_at = excluded.applied_at
                        WHERE applied_sequence.last < excluded.last OR excluded.last = 0 AND applied_sequence.last = 0""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("applied_sequence")
                .setParameter(1, channel).setParameter(2, e.source()).setParameter(3, String.valueOf(e.subject()))
                .setParameter(4, sequence).setParameter(5, OffsetDateTime.now(clock)).executeUpdate() == 1;
    }
}
