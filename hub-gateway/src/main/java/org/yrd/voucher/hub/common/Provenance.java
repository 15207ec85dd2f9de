package org.yrd.voucher.hub.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;

/**
 * The hub accepts from a node only events about that node's own entities: SH cannot admit a ZJ provider
 * or redeem ZJ vouchers. Anything else is refused, counted ({@code yrd_provenance_refused_total}) and logged.
 */
@ApplicationScoped
public class Provenance {
    private static final Logger LOG = Logger.getLogger(Provenance.class);

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry meters;

    Provenance(EntityManager em, Clock clock, MeterRegistry meters) {
        this.em = em;
        this.clock = clock;
        this.meters = meters;
    }

    /** True when the event's source is the node of {@code province}; otherwise records the refusal. */
    public boolean from(CloudEvent e, String province, String what) {
        if (province != null && province.equals(e.sourceProvince())) {
            return true;
        }
        refuse(e, e.source() + " may not report " + what + " of province " + province);
        return false;
    }

    public void refuse(CloudEvent e, String reason) {
        LOG.warnf("provenance: event %s (%s) refused: %s", e.id(), e.type(), reason);
        meters.counter("yrd_provenance_refused_total", "source", String.valueOf(e.source())).increment();
        // kept even when the consuming transaction rolls back
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO provenance_refusal (event_id, source, type, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, e.id()).setParameter(2, String.valueOf(e.source())).setParameter(3, e.type())
                .setParameter(4, reason).setParameter(5, OffsetDateTime.now(clock)).executeUpdate());
    }
}
