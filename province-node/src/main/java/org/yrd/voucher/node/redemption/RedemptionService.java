package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.ledger.LedgerEntry;
import org.yrd.voucher.node.ledger.Movement;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.provider.ProviderStatus;
import org.yrd.voucher.node.risk.RiskScreening;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.node.voucher.Vouchers;
import org.yrd.voucher.policy.PaymentRules;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * What happens to a filed redemption (P5, P6, P7, P11, P13): the provider confirms or disputes it, it is approved
 * (automatically under the threshold, P13 never when flagged) or rejected, finance pays it, or it expires unanswered.
 * Each step is a move of the redemption's own state machine ({@link Redemption}), its money moves on the voucher and in
 * the ledger, and {@link RedemptionJournal} audits it and tells the hub, all in one transaction. A person's steps
 * (confirming, disputing, approving, rejecting, paying) and another province's answers decide on facts read without a
 * lock and write by guarded statements ({@link RedemptionStore}); the expiry sweep locks the rows it ends.
 * Filing is {@link RedemptionFiling}'s.
 */
@ApplicationScoped
public class RedemptionService {
    private final Redemptions redemptions;
    private final Vouchers vouchers;
    private final Clock clock;
    private final PolicyService policies;
    private final Ledger ledger;
    private final NodeConfig config;
    private final RedemptionJournal journal;
    private final Audit audit;
    private final Caller caller;
    private final RiskScreening risk;
    private final RedemptionStore store;

    RedemptionService(RedemptionStore store, Redemptions redemptions, Vouchers vouchers, Clock clock,
                      PolicyService policies, Ledger ledger, NodeConfig config, Audit audit, Caller caller,
                      RiskScreening risk, RedemptionJournal journal) {
        this.store = store;
        this.risk = risk;
        this.audit = audit;
        this.caller = caller;
        this.redemptions = redemptions;
        this.vouchers = vouchers;
        this.clock = clock;
        this.policies = policies;
        this.ledger = ledger;
        this.config = config;
        this.journal = journal;
    }

    /**
     * The provider confirms the service was rendered; its standing is checked again now (P5, P13). Under the
     * threshold and unflagged, it is approved in the same step.
     */
    @Transactional
    public Redemption confirm(String providerUscc, UUID id) {
        LocalDate today = TimeSource.today(clock);
        for (int attempt = 1; ; attempt++) {
            RedemptionStore.Facts f = forProvider(providerUscc, id, today, RedemptionStore.Listed.PROVIDER);
            Redemption r = f.redemption();
            if (r.isCrossRegion(config.province().name())) {
                throw ProblemException.conflict("confirmed-on-providers-node", id, r.providerProvince);
            }
            // P5 + P13: a provider in good standing today: admitted and not on the negative list
            if (f.providerStatus() == null) {
                throw ProblemException.notFound("provider", providerUscc);
            }
            if (!ProviderStatus.ADMITTED.name().equals(f.providerStatus())) {
                throw ProblemException.refused("provider-not-admitted", "P5", providerUscc, f.providerStatus());
            }
            if (f.providerListed()) {
                throw ProblemException.refused("provider-negative-listed", "P13", providerUscc);
            }
            String from = r.status().name();
            List<RedemptionStatus> steps = confirmSteps(r, !f.flags().isEmpty());
            if (store.confirmed(r, from, today, true, r.status() == RedemptionStatus.APPROVED)) {
                steps.forEach(s -> journal.moved(r, s));
                return r;
            }
            RedemptionStore.lostRace("redemption " + id, attempt);
        }
    }

    /**
     * Another province's word on a cross-region redemption filed here (P14): its provider confirmed it (then approved
     * at once under the threshold unless flagged, P13) or disputed it on its own node, or the hub refused it (both end
     * it unpaid and release its hold, P6). Decided on facts read without a lock and written by one guarded statement,
     * as a person's step, in the caller's transaction (the intake's batch). {@code check} is given the redemption (or
     * {@code null} if there is none) and refuses what is not this node's cross-region redemption. Applied only while
     * the redemption is {@code FILED}: an answer that arrives after it expired changes nothing.
     *
     * @return whether it was applied
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean settledElsewhere(UUID id, Consumer<Redemption> check, RedemptionStatus outcome, String code,
                             String reason) {
        LocalDate today = TimeSource.today(clock);
        for (int attempt = 1; ; attempt++) {
            RedemptionStore.Facts f = store.facts(id, today, RedemptionStore.Listed.NONE);
            Redemption r = f == null ? null : f.redemption();
            check.accept(r);
            if (r.status() != RedemptionStatus.FILED) {
                return false;
            }
            String from = r.status().name();
            if (outcome == RedemptionStatus.PROVIDER_CONFIRMED) {
                List<RedemptionStatus> steps = confirmSteps(r, !f.flags().isEmpty());
                if (store.confirmed(r, from, today, false, r.status() == RedemptionStatus.APPROVED)) {
                    steps.forEach(s -> journal.moved(r, s));
                    return true;
                }
            } else {
                r.ended(outcome, code, reason);
                if (endedUnpaid(r, from)) {
                    return true;
                }
            }
            RedemptionStore.lostRace("redemption " + id, attempt);
        }
    }

    /** Confirmed, then approved at once under the threshold unless flagged (P13); the states it passed through. */
    private List<RedemptionStatus> confirmSteps(Redemption r, boolean flagged) {
        r.confirmedByProvider(OffsetDateTime.now(clock));
        PolicyVersion pv = policies.version(r.policyVersion);
        // P13: a flagged redemption is never approved automatically
        if (r.voucherAmountFen <= pv.policy().autoApprovalThresholdFen() && !flagged) {
            r.approved(Actor.system(Redemption.AUTO_APPROVED), r.confirmedAt(), Redemption.AUTO_APPROVED, null);
            return List.of(RedemptionStatus.PROVIDER_CONFIRMED, RedemptionStatus.APPROVED);
        }
        return List.of(RedemptionStatus.PROVIDER_CONFIRMED);
    }

    /** The provider disputes the filing: it ends unpaid and its hold is released (P6), by one guarded write. */
    @Transactional
    public Redemption dispute(String providerUscc, UUID id, String reason) {
        LocalDate today = TimeSource.today(clock);
        return endUnpaid(id, () -> {
            Redemption r = forProvider(providerUscc, id, today, RedemptionStore.Listed.NONE).redemption();
            if (r.isCrossRegion(config.province().name())) {
                throw ProblemException.conflict("confirmed-on-providers-node", id, r.providerProvince);
            }
            return r;
        }, r -> r.ended(RedemptionStatus.DISPUTED, null, reason));
    }

    @Transactional
    public Redemption approve(UUID id, String reason) {
        LocalDate today = TimeSource.today(clock);
        for (int attempt = 1; ; attempt++) {
            RedemptionStore.Facts f = facts(id, today, RedemptionStore.Listed.NONE);
            Redemption r = f.redemption();
            // P13: every flag decided, none confirmed, none cleared by the approver
            risk.requireSettledForApproval(r.id, caller.actor(), f.flags());
            String from = r.status().name();
            r.approved(caller.actor(), OffsetDateTime.now(clock), null, reason);
            if (store.approved(r, from)) {
                journal.moved(r);
                return r;
            }
            RedemptionStore.lostRace("redemption " + id, attempt);
        }
    }

    /** An operator rejects the redemption: it ends unpaid and its hold is released (P6), by one guarded write. */
    @Transactional
    public Redemption reject(UUID id, String reason) {
        LocalDate today = TimeSource.today(clock);
        return endUnpaid(id, () -> facts(id, today, RedemptionStore.Listed.NONE).redemption(),
                r -> r.rejected(caller.actor(), OffsetDateTime.now(clock), reason));
    }

    /**
     * A person's step that ends redemption {@code id} unpaid: {@code end} moves the redemption as {@code read} gives
     * it, which is written, with its hold released (the voucher, the ledger), only if it is still in the state read;
     * then its transition and money movements are journalled as {@link #end} does. A step that lost a race is decided again
     * on fresh facts.
     */
    private Redemption endUnpaid(UUID id, Supplier<Redemption> read, Consumer<Redemption> end) {
        for (int attempt = 1; ; attempt++) {
            Redemption r = read.get();
            String from = r.status().name();
            end.accept(r);
            if (endedUnpaid(r, from)) {
                return r;
            }
            RedemptionStore.lostRace("redemption " + id, attempt);
        }
    }

    /**
     * Writes {@code r}, moved to its end, if it is still in {@code from}, with its hold released in the same statement,
     * and journals it; false (nothing written) if it was no longer in {@code from}.
     */
    private boolean endedUnpaid(Redemption r, String from) {
        Boolean voucherExpired = store.ended(r, from, OffsetDateTime.now(clock));
        if (voucherExpired == null) {
            return false;
        }
        journal.moved(r);
        // as Voucher.release: the hold comes back, and to the budget as well if the voucher has expired (P7)
        ledger.recorded(movement(LedgerEntry.Kind.RELEASE, r));
        if (voucherExpired) {
            ledger.recorded(movement(LedgerEntry.Kind.EXPIRE, r));
        }
        return true;
    }

    private static Movement movement(LedgerEntry.Kind kind, Redemption r) {
        return new Movement(kind, r.voucherAmountFen, r.voucherId, r.enterpriseUscc, r.budgetYear, r.id,
                r.policyVersion, r.districtCode);
    }

    /**
     * Records the payment: the hold becomes a debit. A listed payee is never paid (P13). Maker–checker (P13
     * strict process management): whoever approved the redemption does not record its payment.
     */
    @Transactional
    public Redemption pay(UUID id, String paymentReference) {
        LocalDate today = TimeSource.today(clock);
        Actor payer = caller.actor();
        for (int attempt = 1; ; attempt++) {
            RedemptionStore.Facts f = facts(id, today, RedemptionStore.Listed.ALL);
            Redemption r = f.redemption();
            if (r.decidedBy(payer.subject())) {
                audit.refusal("redemption.pay", r.id, "same-person-approved");
                throw ProblemException.forbidden("same-person-approved", "P13");
            }
            risk.requireSettled(r.id, f.flags()); // P13: a flag the hub raised after approval stops the payment too
            String from = r.status().name();
            r.paid(payer, OffsetDateTime.now(clock), paymentReference);
            var refusal = PaymentRules.refusal(new PaymentRules.Parties(r.payeeUscc, f.payeeListed(),
                    r.enterpriseUscc, f.enterpriseListed(), r.providerUscc, f.providerListed()));
            if (refusal.isPresent()) {
                throw ProblemException.refused(refusal.get());
            }
            // the redemption, the voucher's hold turned into the redeemed amount and the ledger entry: one statement
            if (store.paid(r, from, today)) {
                journal.moved(r);
                ledger.recorded(movement(LedgerEntry.Kind.REDEEM, r));
                return r;
            }
            RedemptionStore.lostRace("redemption " + id, attempt);
        }
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

    /** The facts of a step on redemption {@code id}, or 404. */
    private RedemptionStore.Facts facts(UUID id, LocalDate today, RedemptionStore.Listed listed) {
        RedemptionStore.Facts f = store.facts(id, today, listed);
        if (f == null) {
            throw ProblemException.notFound("redemption", id);
        }
        return f;
    }

    /** As {@link #facts}, and 404 unless the redemption is this provider's. */
    private RedemptionStore.Facts forProvider(String providerUscc, UUID id, LocalDate today,
                                              RedemptionStore.Listed listed) {
        RedemptionStore.Facts f = facts(id, today, listed);
        if (!f.redemption().providerUscc.equals(providerUscc)) {
            throw ProblemException.notFound("redemption", id);
        }
        return f;
    }
}
