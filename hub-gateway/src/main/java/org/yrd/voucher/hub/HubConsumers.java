package org.yrd.voucher.hub;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.federation.Inbox;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.credit.JointPunishment;
import org.yrd.voucher.hub.registry.Recognition;
import org.yrd.voucher.hub.routing.Routing;
import org.yrd.voucher.hub.statistics.Aggregation;

/** Everything the nodes send the hub. Each effect commits with its inbox record: a redelivery changes nothing. */
@ApplicationScoped
public class HubConsumers {
    private static final Logger LOG = Logger.getLogger(HubConsumers.class);

    private final Inbox inbox;
    private final Provenance provenance;
    private final Recognition recognition;
    private final JointPunishment jointPunishment;
    private final Routing routing;
    private final Aggregation aggregation;

    HubConsumers(Inbox inbox, Provenance provenance, Recognition recognition, JointPunishment jointPunishment,
                 Routing routing, Aggregation aggregation) {
        this.inbox = inbox;
        this.provenance = provenance;
        this.recognition = recognition;
        this.jointPunishment = jointPunishment;
        this.routing = routing;
        this.aggregation = aggregation;
    }

    @Incoming("admissions-in")
    @Blocking
    @Transactional
    public void admissions(String json) {
        CloudEvent e = firstDelivery(json);
        if (e != null) {
            recognition.admissionChanged(e, EventCodec.data(e, Payloads.ProviderAdmission.class));
        }
    }

    @Incoming("credit-in")
    @Blocking
    @Transactional
    public void credit(String json) {
        CloudEvent e = firstDelivery(json);
        if (e != null) {
            jointPunishment.reported(e, EventCodec.data(e, Payloads.CreditReport.class));
        }
    }

    @Incoming("usage-in")
    @Blocking
    @Transactional
    public void usage(String json) {
        CloudEvent e = firstDelivery(json);
        if (e != null) {
            aggregation.usage(e);
        }
    }

    @Incoming("requests-in")
    @Blocking
    @Transactional
    public void requests(String json) {
        CloudEvent e = firstDelivery(json);
        if (e == null) {
            return;
        }
        switch (e.type()) {
            case EventTypes.REDEMPTION_REQUESTED -> routing.requested(e, EventCodec.data(e, Payloads.CrossRegionRequest.class));
            case EventTypes.REDEMPTION_PROVIDER_ANSWERED -> routing.answered(e, EventCodec.data(e, Payloads.ProviderAnswer.class));
            default -> provenance.refuse(e, "unknown request type");
        }
    }

    /** The event, if it is well-formed, from a node, and not seen before. */
    private CloudEvent firstDelivery(String json) {
        CloudEvent e;
        try {
            e = EventCodec.read(json);
        } catch (IllegalArgumentException malformed) {
            LOG.warnf("malformed event skipped: %s", malformed.getMessage());
            return null;
        }
        if (e.sourceProvince() == null) {
            provenance.refuse(e, "not from a province node");
            return null;
        }
        return inbox.firstDelivery(e) ? e : null;
    }
}
