package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.node.risk.RiskScreening;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.node.voucher.Vouchers;
import org.yrd.voucher.policy.DocumentNumbers;
import org.yrd.voucher.policy.FilingRules;
import org.yrd.voucher.policy.PaymentRules;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * Redemptions (P2, P3, P5, P6, P7, P13, P14): the transactions and their order. The policy library decides;
 * this class reads the facts, carries out the decision under the voucher's row lock, records the money
 * movement in the ledger and tells the hub through the outbox, all in one transaction.
 */
@ApplicationScoped
public class RedemptionService {
    private final Redemptions redemptions;
    private final Vouchers vouchers;
    private final Clock clock;
    private final Ids ids;
    private final PolicyService policies;
    private final ProviderService providers;
    private final NegativeList negativeList;
    private final Ledger ledger;
    private final NodeConfig config;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;
    private final RiskScreening risk;

    RedemptionService(Redemptions redemptions, Vouchers vouchers, Clock clock, Ids ids, PolicyService policies,
                      ProviderService providers, NegativeList negativeList, Ledger ledger, NodeConfig config, Outbox outbox,
                      Audit audit, Caller caller, RiskScreening risk) {
        this.risk = risk;
        this.audit = audit;
        this.caller = caller;
        this.redemptions = redemptions;
        this.vouchers = vouchers;
        this.clock = clock;
        this.ids = ids;
        this.policies = policies;
        this.providers = providers;
        this.negativeList = negativeList;
        this.ledger = ledger;
        this.config = config;
        this.outbox = outbox;
    }

    /** What the enterprise files: a completed purchase from an admitted provider. */
    public record Filing(UUID voucherId, String providerUscc, String category, RedemptionRules.Declarations declarations,
                         String contractNo, String invoiceNo, long actualExpenditureFen, long requestedFen,
                         LocalDate completionDate, boolean relationDeclared) {}

    @Transactional
    public Redemption file(String enterpriseUscc, Filing f) {
        UsccParam.require("uscc", enterpriseUscc);
        LocalDate today = TimeSource.today(clock);
        if (f.completionDate().isAfter(today)) {
            throw ProblemException.invalid("completionDate", "completion-in-future");
        }
        // P3, P13: one invoice is one invoice however it is typed (case, width, spaces, hyphens): its key is what
        // is compared here, held unique per provider, and hashed for the other provinces
        String invoiceKey = DocumentNumbers.key(f.invoiceNo());
        if (invoiceKey.isEmpty()) {
            throw ProblemException.invalid("invoiceNo", "document-number-empty");
        }
        if (DocumentNumbers.key(f.contractNo()).isEmpty()) {
            throw ProblemException.invalid("contractNo", "document-number-empty");
        }
        String invoiceHash = InvoiceHash.of(config.federation().invoiceHashKey(), f.providerUscc(), invoiceKey);
        var facts = redemptions.filingFacts(enterpriseUscc, today, f.providerUscc(), invoiceKey, invoiceHash);
        if (facts.enterpriseName() == null) {
            throw ProblemException.notFound("enterprise", enterpriseUscc);
        }
        Voucher v = vouchers.lock(f.voucherId());
        if (v == null || !v.enterpriseUscc.equals(enterpriseUscc)) {
            throw ProblemException.notFound("voucher", f.voucherId());
        }
        PolicyVersion pv = policies.current();
        var filing = new FilingRules.Filing(enterpriseUscc, f.providerUscc(), f.invoiceNo(), f.completionDate(),
                f.category(), f.declarations(), f.requestedFen(), f.actualExpenditureFen());
        var decision = FilingRules.evaluate(pv.policy(), filing, new FilingRules.Facts(today, facts.enterpriseListed(),
                facts.providerListed(), facts.provider(), v.facts(), facts.invoiceTaken()));
        if (decision instanceof RedemptionRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        if (decision instanceof RedemptionRules.Conflict c) {
            throw ProblemException.conflict(c.refusal().code(), c.refusal().args().toArray());
        }
        var granted = (RedemptionRules.Granted) decision;
        String providerProvince = facts.provider() instanceof FilingRules.Recognised y ? y.homeProvince()
                : config.province().name();
        Redemption r = new Redemption();
        r.id = ids.next();
        r.voucherId = v.id;
        r.budgetYear = v.budgetYear;
        r.enterpriseUscc = enterpriseUscc;
        r.districtCode = facts.enterpriseDistrict();
        r.providerUscc = f.providerUscc();
        r.providerProvince = providerProvince;
        r.invoiceHash = invoiceHash;
        r.category = f.category();
        r.contractNo = f.contractNo();
        r.invoiceNo = f.invoiceNo();
        r.invoiceKey = invoiceKey;
        r.completionDate = f.completionDate();
        r.actualExpenditureFen = f.actualExpenditureFen();
        r.requestedFen = f.requestedFen();
        r.voucherAmountFen = granted.voucherAmountFen();
        r.enterpriseShareFen = granted.enterpriseShareFen();
        // P6: a trimmed amount says what trimmed it
        r.trimmedBy = RedemptionRules.trimmedBy(pv.policy(), f.requestedFen(), f.actualExpenditureFen(),
                v.availableFen());
        // P7: PRE_SUBSIDY pays the provider, POST_SUBSIDY reimburses the enterprise
        r.payee = granted.payee();
        r.payeeUscc = granted.payee() == RedemptionMode.Payee.PROVIDER ? f.providerUscc() : enterpriseUscc;
        r.policyVersion = pv.version();
        r.relationDeclared = f.relationDeclared();
        r.filed(OffsetDateTime.now(clock));
        redemptions.add(r);
        audit.record("redemption.filed", r.id, r.status().name(), r.voucherAmountFen, "invoice " + r.invoiceNo);
        ledger.record(v.hold(r.voucherAmountFen, r.id, pv.version()));
        usage(r);
        // P13 risk prevention: screened as it is filed, before anyone confirms or approves it
        risk.screen(pv.policy(), new RiskScreening.Filed(r.id, enterpriseUscc, r.providerUscc, r.voucherAmountFen,
                r.budgetYear, r.filedAt, r.relationDeclared));
        if (r.isCrossRegion(config.province().name())) {
            // the provider confirms on its own node; the hub checks the invoice across provinces and routes
            outbox.publish(Topics.HUB_REQUESTS, r.id.toString(), EventTypes.REDEMPTION_REQUESTED,
                    new Payloads.CrossRegionRequest(r.id.toString(), config.province().name(), r.providerProvince,
                            r.providerUscc, r.enterpriseUscc, facts.enterpriseName(), r.category, r.contractNo,
                            r.invoiceHash, r.actualExpenditureFen, r.voucherAmountFen, r.completionDate,
                            r.filedAt.toInstant()));
        }
        return r;
    }

    /** The provider confirms the service was rendered; its standing is checked again now (P5, P13). */
    @Transactional
    public Redemption confirm(String providerUscc, UUID id) {
        Redemption r = forProvider(providerUscc, id);
        if (r.isCrossRegion(config.province().name())) {
            throw ProblemException.conflict("confirmed-on-providers-node", id, r.providerProvince);
        }
        providers.requireInGoodStanding(providers.require(providerUscc));
        return providerConfirmed(r);
    }

    /** The provider confirmed (here, or on its own node for a cross-region redemption). */
    Redemption providerConfirmed(Redemption r) {
        r.confirmedByProvider(OffsetDateTime.now(clock));
        moved(r);
        PolicyVersion pv = policies.version(r.policyVersion);
        // P13: a flagged redemption is never approved automatically
        if (r.voucherAmountFen <= pv.policy().autoApprovalThresholdFen() && !risk.flagged(r.id)) {
            r.approved(Actor.system(Redemption.AUTO_APPROVED), r.confirmedAt(), Redemption.AUTO_APPROVED, null);
            moved(r);
        }
        return r;
    }

    @Transactional
    public Redemption dispute(String providerUscc, UUID id, String reason) {
        Redemption r = forProvider(providerUscc, id);
        if (r.isCrossRegion(config.province().name())) {
            throw ProblemException.conflict("confirmed-on-providers-node", id, r.providerProvince);
        }
        end(r, RedemptionStatus.DISPUTED, null, reason);
        return r;
    }

    @Transactional
    public Redemption approve(UUID id, String reason) {
        Redemption r = redemptions.lock(id);
        // P13: every flag decided, none confirmed, none cleared by the approver
        risk.requireSettledForApproval(r.id, caller.actor());
        r.approved(caller.actor(), OffsetDateTime.now(clock), null, reason);
        moved(r);
        return r;
    }

    @Transactional
    public Redemption reject(UUID id, String reason) {
        Redemption r = redemptions.lock(id);
        r.rejected(caller.actor(), OffsetDateTime.now(clock), reason);
        moved(r);
        release(r);
        return r;
    }

    /**
     * Records the payment: the hold becomes a debit. A listed payee is never paid (P13). Maker–checker (P13
     * strict process management): whoever approved the redemption does not record its payment.
     */
    @Transactional
    public Redemption pay(UUID id, String paymentReference) {
        Redemption r = redemptions.lock(id);
        Actor payer = caller.actor();
        if (r.decidedBy(payer.subject())) {
            audit.refusal("redemption.pay", r.id, "same-person-approved");
            throw ProblemException.forbidden("same-person-approved", "P13");
        }
        risk.requireSettled(r.id); // P13: a flag the hub raised after approval stops the payment too
        r.paid(payer, OffsetDateTime.now(clock), paymentReference);
        moved(r);
        var listed = negativeList.listed(r.payeeUscc, r.enterpriseUscc, r.providerUscc);
        var refusal = PaymentRules.refusal(new PaymentRules.Parties(r.payeeUscc, listed.contains(r.payeeUscc),
                r.enterpriseUscc, listed.contains(r.enterpriseUscc), r.providerUscc, listed.contains(r.providerUscc)));
        if (refusal.isPresent()) {
            throw ProblemException.refused(refusal.get());
        }
        Voucher v = vouchers.lock(r.voucherId);
        ledger.record(v.redeem(r.voucherAmountFen, r.id, r.policyVersion));
        return r;
    }

    /** Filed redemptions the provider never answered expire after the configured time; the hold is released. */
    @Transactional
    public int expireUnconfirmed() {
        var timeout = config.redemption().confirmationTimeout();
        List<Redemption> due = redemptions.lockUnconfirmedSince(OffsetDateTime.now(clock).minus(timeout), 500);
        for (Redemption r : due) {
            end(r, RedemptionStatus.EXPIRED, Redemption.CONFIRMATION_TIMEOUT, timeout.toString());
        }
        return due.size();
    }

    /** Ends a redemption without payment: its hold is released (to the budget if the voucher has expired). */
    void end(Redemption r, RedemptionStatus terminal, String code, String reason) {
        r.ended(terminal, code, reason);
        moved(r);
        release(r);
    }

    private void release(Redemption r) {
        Voucher v = vouchers.lock(r.voucherId);
        ledger.record(v.release(r.voucherAmountFen, r.id, r.policyVersion));
    }

    Redemption lock(UUID id) {
        return redemptions.lock(id);
    }

    Redemption lockIfAny(UUID id) {
        return redemptions.lockIfAny(id);
    }

    /** A transition taken: audited, and sent to the hub (P8). */
    private void moved(Redemption r) {
        RedemptionStatus now = r.status();
        usage(r);
        audit.record("redemption." + now.name().toLowerCase(java.util.Locale.ROOT), r.id, now.name(),
                r.voucherAmountFen, null);
    }

    /** P8 data aggregation: every transition goes to the hub. */
    private void usage(Redemption r) {
        outbox.publish(Topics.USAGE, r.id.toString(), EventTypes.REDEMPTION_TRANSITION,
                new Payloads.RedemptionUsage(config.province().name(), r.id.toString(), r.voucherId.toString(),
                        r.enterpriseUscc, r.providerUscc, r.providerProvince, r.category, r.status().name(),
                        r.voucherAmountFen, r.budgetYear, r.invoiceHash, r.filedAt.toInstant(), clock.instant(),
                        // P13: the hub compares contracts across provinces (keyed hash, as for invoices)
                        r.status() == RedemptionStatus.FILED ? InvoiceHash.of(config.federation().invoiceHashKey(),
                                r.providerUscc, DocumentNumbers.key(r.contractNo)) : null,
                        r.status() == RedemptionStatus.FILED ? r.actualExpenditureFen : null, r.districtCode));
    }

    private Redemption forProvider(String providerUscc, UUID id) {
        Redemption r = redemptions.lock(id);
        if (!r.providerUscc.equals(providerUscc)) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }
}
