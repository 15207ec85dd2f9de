package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional outbox: business code records an event here in the same transaction as the state
 * change it announces, never on an emitter directly, so an event is published if and only if its change
 * committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {
    /** Fired when an outbox row is written; observed after commit to wake the relay. */
    public record Written() {}

    private final EntityManager em;
    private final Clock clock;
    private final String source;
    private final Event<Written> written;

    /** {@code yrd.federation.source}: {@code /yrd/node/<province>} on a node, {@code /yrd/hub} on the hub. */
    Outbox(EntityManager em, Clock clock, @ConfigProperty(name = "yrd.federation.source") String source,
           Event<Written> written) {
        this.em = em;
        this.clock = clock;
        this.source = source;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, Object data) {
        CloudEvent e = EventCodec.envelope(source, type, key,
                clock.instant(), data);
        em.createNativeQuery("""
                        INSERT INTO outbox (topic, event_key, event_id, payload, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                // touches the outbox only: without the space, Hibernate would flush the whole session first, and
                // an entity changed again after this call (a transition, then its timestamps) would be updated twice
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, UUID.fromString(e.id()))
                .setParameter(4, EventCodec.write(e)).setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate();
        written.fire(new Written());
        return e;
    }
}
