package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.EventRefused;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * Cross-region redemption (P7, P9, P14). On the provider's node: requests from other provinces, which this
 * province's provider confirms or disputes after its standing is checked again. On the issuing node: the
 * provider's answer, or the hub's refusal, applied to the redemption filed here.
 */
@ApplicationScoped
public class CrossRegion {
    private static final Logger LOG = Logger.getLogger(CrossRegion.class);

    private final IncomingRequests requests;
    private final Clock clock;
    private final Outbox outbox;
    private final ProviderService providers;
    private final RedemptionService redemptions;
    private final NodeConfig config;

    private final Audit audit;

    CrossRegion(IncomingRequests requests, Clock clock, Outbox outbox, ProviderService providers, RedemptionService redemptions,
                NodeConfig config, Audit audit) {
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
        this.outbox = outbox;
        this.providers = providers;
        this.redemptions = redemptions;
        this.config = config;
    }

    /** What the provider sees of a request from another province: no invoice number, only its keyed hash. */
    public record Incoming(UUID id, String issuingProvince, String providerUscc, String enterpriseUscc,
                           String enterpriseName, String category, String contractNo, String invoiceHash,
                           long actualExpenditureFen, long voucherAmountFen, java.time.LocalDate completionDate,
                           OffsetDateTime filedAt, String status, OffsetDateTime answeredAt, String reason) {}

    /** Where a request from another province stands on the provider's node; its answer is one of the last two. */
    public enum IncomingStatus { REQUESTED, CONFIRMED, DISPUTED }

    // ---- on the provider's node

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(Payloads.CrossRegionRequest r) {
        if (!config.province().name().equals(r.providerProvince()) || config.province().name().equals(r.issuingProvince())) {
            throw new EventRefused(EventCheck.Reason.PROVENANCE, "a request from " + r.issuingProvince()
                    + " for a provider of " + r.providerProvince() + " is not for this node");
        }
        // one round trip: whether the invoice is already being redeemed here, and the request recorded
        var outcome = requests.record(r, OffsetDateTime.now(clock));
        boolean inserted = outcome.recorded();
        boolean invoiceLive = outcome.invoiceTaken();
        if (inserted && invoiceLive) {
            // the same invoice is already being redeemed here: answer at once, no provider action needed
            answer(UUID.fromString(r.redemptionId()), IncomingStatus.DISPUTED, "invoice already redeemed in " + config.province());
        } else if (inserted && config.federation().autoConfirm()) {
            providers.requireInGoodStanding(providers.require(r.providerUscc()));
            answer(UUID.fromString(r.redemptionId()), IncomingStatus.CONFIRMED, "auto-confirmed (load test)");
        } else if (inserted) {
            // the request waits for the provider, who is told (notifications read the trail)
            audit.record(Actor.system("federation"), "incoming-redemption.received", r.redemptionId(), "REQUESTED",
                    r.voucherAmountFen(), "from " + r.issuingProvince());
        }
    }

    @Transactional
    public Incoming confirm(String providerUscc, UUID id) {
        lockRequested(providerUscc, id);
        providers.requireInGoodStanding(providers.require(providerUscc)); // P5, P13: checked again now
        answer(id, IncomingStatus.CONFIRMED, null);
        return requests.get(id);
    }

    @Transactional
    public Incoming dispute(String providerUscc, UUID id, String reason) {
        lockRequested(providerUscc, id);
        answer(id, IncomingStatus.DISPUTED, reason);
        return requests.get(id);
    }

    /** Records the provider's answer and sends it to the hub. */
    private void answer(UUID id, IncomingStatus answer, String reason) {
        var request = requests.answer(id, answer, reason, OffsetDateTime.now(clock));
        audit.record("incoming-redemption." + answer.name().toLowerCase(java.util.Locale.ROOT), id, answer.name(),
                null, reason);
        outbox.publish(Topics.HUB_REQUESTS, id.toString(), EventTypes.REDEMPTION_PROVIDER_ANSWERED,
                new Payloads.ProviderAnswer(id.toString(), request.issuingProvince(), config.province().name(),
                        request.providerUscc(), answer.name(), reason, clock.instant()));
    }

    private void lockRequested(String providerUscc, UUID id) {
        UsccParam.require("uscc", providerUscc);
        String status = requests.lockStatus(id, providerUscc);
        if (status == null) {
            throw ProblemException.notFound("redemption", id);
        }
        if (!IncomingStatus.REQUESTED.name().equals(status)) {
            throw ProblemException.conflict("illegal-redemption-transition", id, status, "answered");
        }
    }

    /** A page of this provider's requests from other provinces, oldest first, optionally only those in one state. */
    public List<Incoming> incomingFor(String providerUscc, IncomingStatus status, Paging page) {
        return requests.of(providerUscc, status, page);
    }

    // ---- on the issuing node

    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(Payloads.ProviderAnswer a) {
        boolean confirmed = IncomingStatus.CONFIRMED.name().equals(a.answer());
        boolean applied = redemptions.settledElsewhere(ownId(a.redemptionId(), a.issuingProvince()), r -> {
            requireCrossRegion(r, a.redemptionId(), a.issuingProvince());
            if (!r.providerUscc.equals(a.providerUscc()) || !r.providerProvince.equals(a.providerProvince())) {
                throw new EventRefused(EventCheck.Reason.PROVENANCE, "an answer from " + a.providerUscc() + " of "
                        + a.providerProvince() + " for a redemption with another provider");
            }
            if (!confirmed && !IncomingStatus.DISPUTED.name().equals(a.answer())) {
                throw new EventRefused(EventCheck.Reason.PAYLOAD, "answer must be CONFIRMED or DISPUTED");
            }
        }, confirmed ? RedemptionStatus.PROVIDER_CONFIRMED : RedemptionStatus.DISPUTED, null,
                confirmed ? null : a.reason());
        if (!applied) {
            LOG.infof("answer for redemption %s arrived after it left FILED (e.g. after its timeout); ignored",
                    a.redemptionId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refusedByHub(Payloads.HubRefusal refusal) {
        redemptions.settledElsewhere(ownId(refusal.redemptionId(), refusal.issuingProvince()),
                r -> requireCrossRegion(r, refusal.redemptionId(), refusal.issuingProvince()),
                RedemptionStatus.REJECTED, refusal.code(), refusal.reason());
    }

    /** The id of a redemption said to be filed here; anything else is refused into the quarantine. */
    private UUID ownId(String redemptionId, String issuingProvince) {
        if (!config.province().name().equals(issuingProvince)) {
            throw notHere(redemptionId, issuingProvince);
        }
        return UUID.fromString(redemptionId);
    }

    /** {@code r} is one of this node's cross-region redemptions; anything else is refused into the quarantine. */
    private void requireCrossRegion(Redemption r, String redemptionId, String issuingProvince) {
        if (r == null || !r.isCrossRegion(config.province().name())) {
            throw notHere(redemptionId, issuingProvince);
        }
    }

    private static EventRefused notHere(String redemptionId, String issuingProvince) {
        return new EventRefused(EventCheck.Reason.TRANSITION, "no cross-region redemption " + redemptionId
                + " of " + issuingProvince + " here");
    }
}
