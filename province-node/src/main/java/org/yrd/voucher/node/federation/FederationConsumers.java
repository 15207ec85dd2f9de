package org.yrd.voucher.node.federation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.federation.Inbox;
import org.yrd.voucher.federation.Signing;
import org.yrd.voucher.federation.Retry;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.node.credit.YrdCredit;
import org.yrd.voucher.node.provider.YrdRegistry;
import org.yrd.voucher.node.redemption.CrossRegion;
import org.yrd.voucher.node.risk.RiskScreening;

/**
 * What the hub sends this node. Each event's effect and its inbox record commit together; events not
 * from the hub, or not for this node, are logged and skipped.
 */
@ApplicationScoped
public class FederationConsumers {
    private static final Logger LOG = Logger.getLogger(FederationConsumers.class);

    private final Inbox inbox;
    private final YrdRegistry registry;
    private final YrdCredit credit;
    private final CrossRegion crossRegion;
    private final RiskScreening risk;

    private final Signing signing;

    FederationConsumers(Inbox inbox, YrdRegistry registry, YrdCredit credit, CrossRegion crossRegion, Signing signing,
                        RiskScreening risk) {
        this.risk = risk;
        this.signing = signing;
        this.inbox = inbox;
        this.registry = registry;
        this.credit = credit;
        this.crossRegion = crossRegion;
    }

    /** Replica of the YRD provider registry (P8, P14), rebuilt from the compacted topic by a new node. */
    @Incoming("registry-in")
    @Blocking
    @Transactional
    public void registry(String json) {
        CloudEvent e = fromHub(json);
        if (e == null || !inbox.firstDelivery(e)) {
            return;
        }
        registry.apply(EventCodec.data(e, Payloads.RecognitionRecord.class));
    }

    /** Replica of the YRD negative list: a sanction in one province applies here too (P13). */
    @Incoming("credit-in")
    @Blocking
    @Transactional
    public void credit(String json) {
        CloudEvent e = fromHub(json);
        if (e == null || !inbox.firstDelivery(e)) {
            return;
        }
        credit.apply(EventCodec.data(e, Payloads.CreditStatus.class), e.data().path("entries").toString());
    }

    /** Cross-region requests and answers the hub routes to this node. */
    @Incoming("inbox-in")
    @Blocking
    public void nodeInbox(List<String> batch) {
        // a batch is applied in one transaction: one commit for many events, each still recorded in the inbox
        List<CloudEvent> events = batch.stream().map(this::fromHub).filter(Objects::nonNull).toList();
        Retry.inTransaction(() -> inbox.eachFirstDelivery(events, this::apply));
    }

    private void apply(CloudEvent e) {
        switch (e.type()) {
            case EventTypes.REDEMPTION_CONFIRMATION_REQUESTED ->
                    crossRegion.received(EventCodec.data(e, Payloads.CrossRegionRequest.class));
            case EventTypes.REDEMPTION_PROVIDER_ANSWERED ->
                    crossRegion.answered(EventCodec.data(e, Payloads.ProviderAnswer.class));
            case EventTypes.REDEMPTION_REFUSED_BY_HUB ->
                    crossRegion.refusedByHub(EventCodec.data(e, Payloads.HubRefusal.class));
            case EventTypes.RISK_FLAGGED_BY_HUB -> risk.raisedByHub(EventCodec.data(e, Payloads.RiskFlagRaised.class));
            default -> LOG.warnf("inbox: unknown event type %s (%s) skipped", e.type(), e.id());
        }
    }

    private CloudEvent fromHub(String json) {
        try {
            CloudEvent e = EventCodec.read(json);
            if (!CloudEvent.HUB_SOURCE.equals(e.source())) {
                LOG.warnf("event %s from %s refused: only the hub may send this", e.id(), e.source());
                return null;
            }
            // signed with the hub's key, or refused (logged and counted by Signing)
            return signing.refusal(e) == null ? e : null;
        } catch (IllegalArgumentException malformed) {
            LOG.warnf("malformed federation event skipped: %s", malformed.getMessage());
            return null;
        }
    }
}
