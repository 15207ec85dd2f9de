package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.ProblemException;
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
import org.yrd.voucher.policy.PaymentRules;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * What happens to a filed redemption (P5, P6, P7, P11, P13): the provider confirms or disputes it, it is approved
 * (automatically under the threshold, P13 never when flagged) or rejected, finance pays it, or it expires unanswered.
 * Each step is a move of the redemption's own state machine ({@link Redemption}), its money moves on the voucher under
 * the row lock and in the ledger, and {@link RedemptionJournal} audits it and tells the hub, all in one transaction.
 * Filing is {@link RedemptionFiling}'s.
 */
@ApplicationScoped
public class RedemptionService {
    private final Redemptions redemptions;
    private final Vouchers vouchers;
    private final Clock clock;
    private final PolicyService policies;
    private final ProviderService providers;
    private final NegativeList negativeList;
    private final Ledger ledger;
    private final NodeConfig config;
    private final RedemptionJournal journal;
    private final Audit audit;
    private final Caller caller;
    private final RiskScreening risk;

    RedemptionService(Redemptions redemptions, Vouchers vouchers, Clock clock, PolicyService policies,
                      ProviderService providers, NegativeList negativeList, Ledger ledger, NodeConfig config,
                      Audit audit, Caller caller, RiskScreening risk, RedemptionJournal journal) {
        this.risk = risk;
        this.audit = audit;
        this.caller = caller;
        this.redemptions = redemptions;
        this.vouchers = vouchers;
        this.clock = clock;
        this.policies = policies;
        this.providers = providers;
        this.negativeList = negativeList;
        this.ledger = ledger;
        this.config = config;
        this.journal = journal;
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
        journal.moved(r);
        PolicyVersion pv = policies.version(r.policyVersion);
        // P13: a flagged redemption is never approved automatically
        if (r.voucherAmountFen <= pv.policy().autoApprovalThresholdFen() && !risk.flagged(r.id)) {
            r.approved(Actor.system(Redemption.AUTO_APPROVED), r.confirmedAt(), Redemption.AUTO_APPROVED, null);
            journal.moved(r);
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
        journal.moved(r);
        return r;
    }

    @Transactional
    public Redemption reject(UUID id, String reason) {
        Redemption r = redemptions.lock(id);
        r.rejected(caller.actor(), OffsetDateTime.now(clock), reason);
        journal.moved(r);
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
        journal.moved(r);
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
        journal.moved(r);
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

    private Redemption forProvider(String providerUscc, UUID id) {
        Redemption r = redemptions.lock(id);
        if (!r.providerUscc.equals(providerUscc)) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }
}
