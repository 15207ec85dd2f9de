package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.events.CloudEvent;

/** Consumed event ids, recorded in the same transaction as the event's effect. */
@ApplicationScoped
public class Inbox {
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
}
