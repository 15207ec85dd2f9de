package org.yrd.voucher.hub;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.federation.Inbox;
import org.yrd.voucher.federation.Signing;
import org.yrd.voucher.federation.Retry;
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

    private final Signing signing;

    HubConsumers(Inbox inbox, Provenance provenance, Recognition recognition, JointPunishment jointPunishment,
                 Routing routing, Aggregation aggregation, Signing signing) {
        this.signing = signing;
        this.inbox = inbox;
        this.provenance = provenance;
        this.recognition = recognition;
        this.jointPunishment = jointPunishment;
        this.routing = routing;
        this.aggregation = aggregation;
    }

    @Incoming("admissions-in")
    @Blocking
    public void admissions(List<String> batch) {
        each(batch, e -> recognition.admissionChanged(e, EventCodec.data(e, Payloads.ProviderAdmission.class)));
    }

    @Incoming("credit-in")
    @Blocking
    public void credit(List<String> batch) {
        each(batch, e -> jointPunishment.reported(e, EventCodec.data(e, Payloads.CreditReport.class)));
    }

    @Incoming("usage-in")
    @Blocking
    public void usage(List<String> batch) {
        List<CloudEvent> events = fromNodes(batch);
        Retry.inTransaction(() -> {
            Aggregation.Rows rows = aggregation.rows();
            inbox.eachFirstDelivery(events, e -> aggregation.usage(e, rows));
            rows.write();
        });
    }

    @Incoming("requests-in")
    @Blocking
    public void requests(List<String> batch) {
        each(batch, e -> {
            switch (e.type()) {
                case EventTypes.REDEMPTION_REQUESTED ->
                        routing.requested(e, EventCodec.data(e, Payloads.CrossRegionRequest.class));
                case EventTypes.REDEMPTION_PROVIDER_ANSWERED ->
                        routing.answered(e, EventCodec.data(e, Payloads.ProviderAnswer.class));
                default -> provenance.refuse(e, "unknown request type");
            }
        });
    }

    /**
     * Records arrive in batches, each applied in one transaction (one commit for many events, again on a
     * transient conflict); within a batch they keep their order, and each event id is still recorded, so a
     * redelivery changes nothing.
     */
    private void each(List<String> batch, Consumer<CloudEvent> effect) {
        List<CloudEvent> events = fromNodes(batch);
        Retry.inTransaction(() -> inbox.eachFirstDelivery(events, effect));
    }

    private List<CloudEvent> fromNodes(List<String> batch) {
        return batch.stream().map(this::fromNode).filter(Objects::nonNull).toList();
    }

    /** The event, if it is well-formed and from a node. */
    private CloudEvent fromNode(String json) {
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
        // signed with the key of the node it names as its source (docs/security.md)
        String refusal = signing.refusal(e);
        if (refusal != null) {
            provenance.refuse(e, refusal);
            return null;
        }
        return e;
    }
}
