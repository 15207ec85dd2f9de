package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.common.Paging;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.ledger.LedgerEntry;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.node.provider.Providers;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;

/**
 * Redemptions (P2, P3, P6, P7, P13). Every change of a voucher's money happens under the voucher's row
 * lock, with a ledger entry in the same transaction; the database's CHECK keeps the balance from going
 * below zero even if a rule here were wrong.
 */
@ApplicationScoped
public class Redemptions {
    private final EntityManager em;
    private final Clock clock;
    private final PolicyService policies;
    private final Providers providers;
    private final NegativeList negativeList;
    private final Ledger ledger;
    private final NodeConfig config;
    private final Outbox outbox;

    Redemptions(EntityManager em, Clock clock, PolicyService policies, Providers providers, NegativeList negativeList,
                Ledger ledger, NodeConfig config, Outbox outbox) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.policies = policies;
        this.providers = providers;
        this.negativeList = negativeList;
        this.ledger = ledger;
        this.config = config;
    }

    /** What the enterprise files: a completed purchase from an admitted provider. */
    public record Filing(UUID voucherId, String providerUscc, String category, RedemptionRules.Declarations declarations,
                         String contractNo, String invoiceNo, long actualExpenditureFen, long requestedFen,
                         LocalDate completionDate) {}

    @Transactional
    public Redemption file(String enterpriseUscc, Filing f) {
        UsccParam.require("uscc", enterpriseUscc);
        LocalDate today = TimeSource.today(clock);
        if (f.completionDate().isAfter(today)) {
            throw ProblemException.invalid("completionDate", "completion-in-future");
        }
        String invoiceHash = InvoiceHash.of(config.federation().invoiceHashKey(), f.providerUscc(), f.invoiceNo());
        // everything the filing is checked against but the voucher, in one round trip; checked in the order below
        Object[] facts = (Object[]) em.createNativeQuery(FILING_FACTS)
                .setParameter(1, enterpriseUscc).setParameter(2, today).setParameter(3, f.providerUscc())
                .setParameter(4, f.invoiceNo()).setParameter(5, invoiceHash).getSingleResult();
        String enterpriseName = (String) facts[0];
        if (enterpriseName == null) {
            throw ProblemException.notFound("enterprise", enterpriseUscc);
        }
        Voucher v = lockVoucher(f.voucherId());
        if (v == null || !v.enterpriseUscc.equals(enterpriseUscc)) {
            throw ProblemException.notFound("voucher", f.voucherId());
        }
        // P13: neither the enterprise nor the provider is listed, the enterprise named first
        if ((Boolean) facts[1]) {
            throw ProblemException.refused("enterprise-negative-listed", "P13", enterpriseUscc);
        }
        if ((Boolean) facts[2]) {
            throw ProblemException.refused("provider-negative-listed", "P13", f.providerUscc());
        }
        // local and admitted, or recognised YRD-wide through the hub (P5, P8, P14)
        Providers.Standing provider = providers.standing(f.providerUscc(), facts, 4);
        if (!v.validOn(today)) {
            throw ProblemException.refused("voucher-expired", "P7", v.expiresOn);
        }
        // P7 预先发放、事后兑付: the purchase is made with a voucher already in hand
        if (f.completionDate().isBefore(v.issuedOn)) {
            throw ProblemException.refused("completion-before-issue", "P7", v.issuedOn);
        }
        // one redemption per invoice: a concurrent filing that read before ours committed meets the unique index
        if ((Boolean) facts[3]) {
            throw ProblemException.conflict("invoice-already-redeemed", f.invoiceNo());
        }
        PolicyVersion pv = policies.current();
        var decision = RedemptionRules.evaluate(pv.policy(), new RedemptionRules.Claim(f.category(),
                provider.categories(), f.declarations(), f.requestedFen(), f.actualExpenditureFen()), v.availableFen());
        if (decision instanceof RedemptionRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        var granted = (RedemptionRules.Granted) decision;
        Redemption r = new Redemption();
        r.id = UUID.randomUUID();
        r.voucherId = v.id;
        r.budgetYear = v.budgetYear;
        r.enterpriseUscc = enterpriseUscc;
        r.providerUscc = provider.uscc();
        r.providerProvince = provider.homeProvince();
        r.invoiceHash = invoiceHash;
        r.category = f.category();
        r.contractNo = f.contractNo();
        r.invoiceNo = f.invoiceNo();
        r.completionDate = f.completionDate();
        r.actualExpenditureFen = f.actualExpenditureFen();
        r.requestedFen = f.requestedFen();
        r.voucherAmountFen = granted.voucherAmountFen();
        r.enterpriseShareFen = granted.enterpriseShareFen();
        // P7: PRE_SUBSIDY pays the provider, POST_SUBSIDY reimburses the enterprise
        r.payee = granted.payee();
        r.payeeUscc = granted.payee() == RedemptionMode.Payee.PROVIDER ? provider.uscc() : enterpriseUscc;
        r.status = RedemptionStatus.FILED;
        r.policyVersion = pv.version();
        r.filedAt = OffsetDateTime.now(clock);
        em.persist(r);
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            // two filings of one invoice raced past the check above: the unique index decides
            throw ProblemException.conflict("invoice-already-redeemed", f.invoiceNo());
        }
        v.heldFen += r.voucherAmountFen;
        ledger.record(LedgerEntry.Kind.HOLD, r.voucherAmountFen, v, r.id, pv.version());
        usage(r);
        if (r.isCrossRegion(config.province().name())) {
            // the provider confirms on its own node; the hub checks the invoice across provinces and routes
            outbox.publish(Topics.HUB_REQUESTS, r.id.toString(), EventTypes.REDEMPTION_REQUESTED,
                    new Payloads.CrossRegionRequest(r.id.toString(), config.province().name(), r.providerProvince,
                            r.providerUscc, r.enterpriseUscc, enterpriseName, r.category, r.contractNo,
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
        move(r, RedemptionStatus.PROVIDER_CONFIRMED);
        r.confirmedAt = OffsetDateTime.now(clock);
        PolicyVersion pv = policies.version(r.policyVersion);
        if (r.voucherAmountFen <= pv.policy().autoApprovalThresholdFen()) {
            move(r, RedemptionStatus.APPROVED);
            r.decidedAt = r.confirmedAt;
            r.reason = "auto-approval: below the threshold";
        }
        return r;
    }

    @Transactional
    public Redemption dispute(String providerUscc, UUID id, String reason) {
        Redemption r = forProvider(providerUscc, id);
        if (r.isCrossRegion(config.province().name())) {
            throw ProblemException.conflict("confirmed-on-providers-node", id, r.providerProvince);
        }
        end(r, RedemptionStatus.DISPUTED, reason);
        return r;
    }

    @Transactional
    public Redemption approve(UUID id, String reason) {
        Redemption r = locked(id);
        move(r, RedemptionStatus.APPROVED);
        r.decidedAt = OffsetDateTime.now(clock);
        r.reason = reason;
        return r;
    }

    @Transactional
    public Redemption reject(UUID id, String reason) {
        Redemption r = locked(id);
        end(r, RedemptionStatus.REJECTED, reason);
        r.decidedAt = OffsetDateTime.now(clock);
        return r;
    }

    /** Records the payment: the hold becomes a debit. A listed payee is never paid (P13). */
    @Transactional
    public Redemption pay(UUID id, String paymentReference) {
        Redemption r = locked(id);
        move(r, RedemptionStatus.PAID);
        // P13: a listed payee is never paid, and neither party may be listed; the payee is named first
        negativeList.refuseIfListed(new NegativeList.Party(r.payeeUscc, "payee-negative-listed"),
                new NegativeList.Party(r.enterpriseUscc, "enterprise-negative-listed"),
                new NegativeList.Party(r.providerUscc, "provider-negative-listed"));
        Voucher v = lockVoucher(r.voucherId);
        v.heldFen -= r.voucherAmountFen;
        v.redeemedFen += r.voucherAmountFen;
        r.paidAt = OffsetDateTime.now(clock);
        r.paymentReference = paymentReference;
        ledger.record(LedgerEntry.Kind.REDEEM, r.voucherAmountFen, v, r.id, r.policyVersion);
        return r;
    }

    /** Filed redemptions the provider never answered expire after the configured time; the hold is released. */
    @Transactional
    public int expireUnconfirmed() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.redemption().confirmationTimeout());
        List<Redemption> due = em.createQuery("from Redemption where status = :s and filedAt < :cutoff", Redemption.class)
                .setParameter("s", RedemptionStatus.FILED).setParameter("cutoff", cutoff)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .setMaxResults(500).getResultList();
        for (Redemption r : due) {
            end(r, RedemptionStatus.EXPIRED, "no provider confirmation within " + config.redemption().confirmationTimeout());
        }
        return due.size();
    }

    void end(Redemption r, RedemptionStatus terminal, String reason) {
        move(r, terminal);
        r.reason = reason;
        Voucher v = lockVoucher(r.voucherId);
        v.heldFen -= r.voucherAmountFen;
        ledger.record(LedgerEntry.Kind.RELEASE, r.voucherAmountFen, v, r.id, r.policyVersion);
        if (v.status == Voucher.Status.EXPIRED) {
            // released after the voucher's end: the money goes back to the budget, not to the voucher
            v.expiredFen += r.voucherAmountFen;
            ledger.record(LedgerEntry.Kind.EXPIRE, r.voucherAmountFen, v, r.id, r.policyVersion);
            outbox.publish(Topics.USAGE, v.id.toString(), EventTypes.VOUCHER_EXPIRED, new Payloads.VoucherUsage(
                    config.province().name(), v.id.toString(), v.enterpriseUscc, r.voucherAmountFen, v.budgetYear,
                    clock.instant()));
        }
    }

    private void move(Redemption r, RedemptionStatus next) {
        if (!r.status.canBecome(next)) {
            throw ProblemException.conflict("illegal-redemption-transition", r.id, r.status, next);
        }
        r.status = next;
        usage(r);
    }

    /** P8 data aggregation: every transition goes to the hub. */
    private void usage(Redemption r) {
        outbox.publish(Topics.USAGE, r.id.toString(), EventTypes.REDEMPTION_TRANSITION,
                new Payloads.RedemptionUsage(config.province().name(), r.id.toString(), r.voucherId.toString(),
                        r.enterpriseUscc, r.providerUscc, r.providerProvince, r.category, r.status.name(),
                        r.voucherAmountFen, r.budgetYear, r.invoiceHash, r.filedAt.toInstant(), clock.instant()));
    }

    /**
     * The voucher under its row lock, with the state read under that lock. Not yet in this session, it is
     * read with {@code SELECT … FOR UPDATE} (one round trip). If the session already holds an unlocked copy,
     * that copy is refreshed under the lock, so a concurrent change is never overwritten with stale figures.
     * Once this transaction holds the lock, its copy is the truth: refreshing it again would discard our own
     * unflushed changes (two redemptions of one voucher ended in one run).
     */
    private Voucher lockVoucher(UUID id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        Voucher held = (Voucher) session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(Voucher.class)));
        if (held == null) {
            return em.find(Voucher.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (em.getLockMode(held) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(held, LockModeType.PESSIMISTIC_WRITE);
        }
        return held;
    }

    /**
     * ?1 enterprise, ?2 today, ?3 provider, ?4 invoice number, ?5 invoice hash: the enterprise's name (null if
     * unknown), whether the enterprise and the provider are listed (P13), whether the invoice is taken (redeemed
     * here, or held by a cross-region request to this province's provider), and the provider's standing.
     */
    private static final String FILING_FACTS = "SELECT (SELECT name FROM enterprise WHERE uscc = ?1), "
            + NegativeList.listedSql("?1") + ", " + NegativeList.listedSql("?3") + """
            , (EXISTS (SELECT 1 FROM redemption WHERE provider_uscc = ?3 AND invoice_no = ?4
                         AND status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED', 'PAID'))
               OR EXISTS (SELECT 1 FROM incoming_redemption WHERE invoice_hash = ?5
                         AND status IN ('REQUESTED', 'CONFIRMED'))), """
            + Providers.STANDING_COLUMNS + " FROM " + Providers.standingFrom("?3");

    Redemption locked(UUID id) {
        Redemption r = em.find(Redemption.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }

    private Redemption forProvider(String providerUscc, UUID id) {
        Redemption r = locked(id);
        if (!r.providerUscc.equals(providerUscc)) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }

    public Redemption get(UUID id) {
        Redemption r = Redemption.findById(id);
        if (r == null) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }

    /** One page of an enterprise's redemptions, oldest filing first. */
    public List<Redemption> ofEnterprise(String uscc, Paging page) {
        return Redemption.<Redemption>find("enterpriseUscc = ?1 order by filedAt, id", uscc)
                .range(page.offset(), page.last()).list();
    }

    /** One page of the redemptions filed with a provider of this province, oldest filing first. */
    public List<Redemption> ofProvider(String uscc, Paging page) {
        return Redemption.<Redemption>find("providerUscc = ?1 order by filedAt, id", uscc)
                .range(page.offset(), page.last()).list();
    }

    /** One page, oldest filing first; the id breaks ties so that pages neither skip nor repeat a row. */
    public List<Redemption> withStatus(RedemptionStatus status, Paging page) {
        var query = status == null ? Redemption.<Redemption>find("order by filedAt, id")
                : Redemption.<Redemption>find("status = ?1 order by filedAt, id", status);
        return query.range(page.offset(), page.last()).list();
    }
}
