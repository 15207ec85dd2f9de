package org.yrd.voucher.node.federation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.federation.FederationIntake;
import org.yrd.voucher.federation.Intake;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.node.credit.YrdCredit;
import org.yrd.voucher.node.provider.YrdRegistry;
import org.yrd.voucher.node.redemption.CrossRegion;
import org.yrd.voucher.node.risk.RiskScreening;

/**
 * What the hub sends this node, through the one {@link Intake}: only the hub's signed events of the types each
 * channel takes reach the features; anything else is quarantined (the operator sees it) and the channel goes on.
 * Each event's effect and its inbox record commit together.
 */
@ApplicationScoped
public class FederationConsumers {
    private final Intake intake;
    private final Route registry;
    private final Route credit;
    private final Route inbox;

    FederationConsumers(Intake intake, YrdRegistry registry, YrdCredit credit, CrossRegion crossRegion,
                        RiskScreening risk) {
        this.intake = intake;
        // replicas of the hub's compacted topics: each record the whole standing of one provider or party
        this.registry = Route.from(EventCheck.Origin.HUB).carriesStates()
                .on(EventTypes.PROVIDER_RECOGNISED, Payloads.RecognitionRecord.class, (e, r) -> registry.apply(r))
                .on(EventTypes.PROVIDER_WITHDRAWN, Payloads.RecognitionRecord.class, (e, r) -> registry.apply(r));
        this.credit = Route.from(EventCheck.Origin.HUB).carriesStates()
                .on(EventTypes.CREDIT_STATUS, Payloads.CreditStatus.class,
                        (e, s) -> credit.apply(s, e.data().path("entries").toString()));
        this.inbox = Route.from(EventCheck.Origin.HUB)
                .on(EventTypes.REDEMPTION_CONFIRMATION_REQUESTED, Payloads.CrossRegionRequest.class,
                        (e, r) -> crossRegion.received(r))
                .on(EventTypes.REDEMPTION_PROVIDER_ANSWERED, Payloads.ProviderAnswer.class,
                        (e, a) -> crossRegion.answered(a))
                .on(EventTypes.REDEMPTION_REFUSED_BY_HUB, Payloads.HubRefusal.class, (e, r) -> crossRegion.refusedByHub(r))
                .on(EventTypes.RISK_FLAGGED_BY_HUB, Payloads.RiskFlagRaised.class, (e, r) -> risk.raisedByHub(r));
    }

    /** Replica of the YRD provider registry (P8, P14), rebuilt from the compacted topic by a new node. */
    @Incoming("registry-in")
    @Blocking(FederationIntake.POOL)
    public void registry(String record) {
        intake.take("registry-in", List.of(record), registry);
    }

    /** Replica of the YRD negative list: a sanction in one province applies here too (P13). */
    @Incoming("credit-in")
    @Blocking(FederationIntake.POOL)
    public void credit(String record) {
        intake.take("credit-in", List.of(record), credit);
    }

    /** Cross-region requests and answers the hub routes to this node, a polled batch in one transaction. */
    @Incoming("inbox-in")
    @Blocking(FederationIntake.POOL)
    public void nodeInbox(List<String> batch) {
        intake.take("inbox-in", batch, inbox);
    }
}
