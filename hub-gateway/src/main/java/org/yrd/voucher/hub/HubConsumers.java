package org.yrd.voucher.hub;

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
import org.yrd.voucher.hub.credit.JointPunishment;
import org.yrd.voucher.hub.publicity.YrdNotices;
import org.yrd.voucher.hub.registry.QualityLibrary;
import org.yrd.voucher.hub.registry.Recognition;
import org.yrd.voucher.hub.risk.RiskWatch;
import org.yrd.voucher.hub.routing.Routing;
import org.yrd.voucher.hub.statistics.Aggregation;
import org.yrd.voucher.hub.witness.AuditHeads;

/**
 * Everything the nodes send the hub, through the one {@link Intake}: only signed events of a province node, of the
 * types each channel takes, with payloads in bounds, reach the features; the rest is quarantined and the channel goes
 * on. Each effect commits with its inbox record: a redelivery changes nothing. Each feature subscribes to the types it
 * owns; an event several care for (a redemption's transition) reaches each in one transaction.
 */
@ApplicationScoped
public class HubConsumers {
    private final Intake intake;
    private final Route admissions;
    private final Route credit;
    private final Route usage;
    private final Route requests;

    HubConsumers(Intake intake, Recognition recognition, JointPunishment jointPunishment, Routing routing,
                 Aggregation aggregation, RiskWatch risk, QualityLibrary quality, YrdNotices notices,
                 AuditHeads auditHeads) {
        this.intake = intake;
        // a provider's standing and a negative-list entry: each event the whole state, numbered by its node
        this.admissions = Route.from(EventCheck.Origin.NODE).carriesStates().on(EventTypes.PROVIDER_ADMISSION_CHANGED,
                Payloads.ProviderAdmission.class, recognition::admissionChanged);
        this.credit = Route.from(EventCheck.Origin.NODE).carriesStates().on(EventTypes.CREDIT_REPORTED, Payloads.CreditReport.class,
                jointPunishment::reported);
        // the usage stream: each feature takes the types it owns, statistics first (the library re-examines a
        // provider on the paid services statistics has just stored)
        Route usage = Route.from(EventCheck.Origin.NODE);
        aggregation.subscribe(usage);
        routing.subscribe(usage);
        risk.subscribe(usage);
        quality.subscribe(usage);
        notices.subscribe(usage);
        auditHeads.subscribe(usage);
        this.usage = usage;
        this.requests = Route.from(EventCheck.Origin.NODE)
                .on(EventTypes.REDEMPTION_REQUESTED, Payloads.CrossRegionRequest.class, routing::requested)
                .on(EventTypes.REDEMPTION_PROVIDER_ANSWERED, Payloads.ProviderAnswer.class, routing::answered);
    }

    @Incoming("admissions-in")
    @Blocking(FederationIntake.POOL)
    public void admissions(List<String> batch) {
        intake.take("admissions-in", batch, admissions);
    }

    @Incoming("credit-in")
    @Blocking(FederationIntake.POOL)
    public void credit(List<String> batch) {
        intake.take("credit-in", batch, credit);
    }

    @Incoming("usage-in")
    @Blocking(FederationIntake.POOL)
    public void usage(List<String> batch) {
        intake.take("usage-in", batch, usage);
    }

    @Incoming("requests-in")
    @Blocking(FederationIntake.POOL)
    public void requests(List<String> batch) {
        intake.take("requests-in", batch, requests);
    }
}
