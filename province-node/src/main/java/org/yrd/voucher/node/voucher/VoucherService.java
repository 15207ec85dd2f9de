package org.yrd.voucher.node.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.common.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.enterprise.Enterprise;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.ledger.LedgerEntry;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.policy.ApplicationRules;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * Voucher applications and issuance (P6, P7 预先发放). The rules give the explained answer; the budget
 * and the annual cap are then taken by conditional updates, so no interleaving can over-issue.
 */
@ApplicationScoped
public class Vouchers {
    private static final Logger LOG = Logger.getLogger(Vouchers.class);

    private final EntityManager em;
    private final Clock clock;
    private final PolicyService policies;
    private final NegativeList negativeList;
    private final Ledger ledger;
    private final Outbox outbox;
    private final NodeConfig config;

    Vouchers(EntityManager em, Clock clock, PolicyService policies, NegativeList negativeList, Ledger ledger,
             Outbox outbox, NodeConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.policies = policies;
        this.negativeList = negativeList;
        this.ledger = ledger;
    }

    @Transactional
    public VoucherApplication apply(String enterpriseUscc, long amountFen) {
        Enterprise enterprise = lockEnterprise(enterpriseUscc);
        PolicyVersion pv = policies.current();
        LocalDate today = TimeSource.today(clock);
        int year = today.getYear();
        policies.ensureBudgetYear(year, pv.policy());

        var decision = ApplicationRules.evaluate(pv.policy(), applicant(enterprise, today), amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        VoucherApplication a = new VoucherApplication();
        a.id = UUID.randomUUID();
        a.enterpriseUscc = enterprise.uscc;
        a.amountFen = amountFen;
        a.status = VoucherApplication.Status.PENDING;
        a.policyVersion = pv.version();
        a.filedAt = OffsetDateTime.now(clock);
        em.persist(a);
        if (((ApplicationRules.Accepted) decision).autoApprove()) {
            issue(a, pv, "auto-approval", "below the auto-approval threshold");
        }
        return a;
    }

    @Transactional
    public VoucherApplication approve(UUID applicationId, String actor, String reason) {
        VoucherApplication a = pending(applicationId);
        // the operator decides under the policy in force now; the caps are checked again
        PolicyVersion pv = policies.current();
        Enterprise enterprise = lockEnterprise(a.enterpriseUscc);
        LocalDate today = TimeSource.today(clock);
        policies.ensureBudgetYear(today.getYear(), pv.policy());
        var decision = ApplicationRules.evaluate(withoutWindow(pv.policy()), applicant(enterprise, today),
                a.amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        a.policyVersion = pv.version();
        issue(a, pv, actor, reason);
        return a;
    }

    @Transactional
    public VoucherApplication reject(UUID applicationId, String actor, String reason) {
        VoucherApplication a = pending(applicationId);
        a.status = VoucherApplication.Status.REJECTED;
        a.decidedAt = OffsetDateTime.now(clock);
        a.decidedBy = actor;
        a.decisionReason = reason;
        return a;
    }

    /** One enterprise's applications are decided one at a time, so the usage rule sees settled figures. */
    private Enterprise lockEnterprise(String uscc) {
        Enterprise e = em.find(Enterprise.class, UsccParam.require("uscc", uscc), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

    private VoucherApplication pending(UUID id) {
        VoucherApplication a = em.find(VoucherApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        if (a.status != VoucherApplication.Status.PENDING) {
            throw ProblemException.conflict("application-already-decided", id, a.status);
        }
        return a;
    }

    /** The window applies to filing, not to the operator's later decision. */
    private static VoucherPolicy withoutWindow(VoucherPolicy p) {
        return new VoucherPolicy(p.mode(), p.subsidyRatio(), p.perApplicationCapFen(), p.annualCapFen(),
                p.annualBudgetFen(), p.eligibleRecipients(), p.localCategories(), List.of(), p.voucherValidityDays(),
                p.autoApprovalThresholdFen(), p.pilotZones(), p.reapplyMinUsagePercent());
    }

    /** Everything the rules need about the applicant, in one round trip. */
    private ApplicationRules.Applicant applicant(Enterprise e, LocalDate today) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT (SELECT coalesce(sum(face_value_fen), 0) FROM voucher
                                 WHERE enterprise_uscc = ?1 AND status = 'ACTIVE'),
                               (SELECT coalesce(sum(redeemed_fen + held_fen), 0) FROM voucher
                                 WHERE enterprise_uscc = ?1 AND status = 'ACTIVE'),
                               (SELECT coalesce(max(issued_fen), 0) FROM enterprise_year WHERE uscc = ?1 AND year = ?3),
                               (SELECT coalesce(max(budget_fen - issued_fen), 0) FROM budget_year WHERE year = ?3),
                               """ + NegativeList.LISTED_SQL)
                .setParameter(1, e.uscc).setParameter(2, today).setParameter(3, today.getYear())
                .getSingleResult();
        return new ApplicationRules.Applicant(e.recipientType, e.districtCode, (Boolean) row[4],
                ((Number) row[2]).longValue(), ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[3]).longValue());
    }

    /**
     * Issues the voucher: P6 annual cap and the province budget are taken by conditional updates, the
     * budget last because it is the row every application contends for.
     */
    private void issue(VoucherApplication a, PolicyVersion pv, String actor, String reason) {
        VoucherPolicy policy = pv.policy();
        LocalDate today = TimeSource.today(clock);
        int year = today.getYear();
        int capTaken = em.createNativeQuery("""
                        INSERT INTO enterprise_year AS y (uscc, year, issued_fen) SELECT ?2, ?3, ?1 WHERE ?1 <= ?4
                        ON CONFLICT (uscc, year) DO UPDATE SET issued_fen = y.issued_fen + excluded.issued_fen
                        WHERE y.issued_fen + excluded.issued_fen <= ?4""")
                .setParameter(1, a.amountFen).setParameter(2, a.enterpriseUscc).setParameter(3, year)
                .setParameter(4, policy.annualCapFen()).executeUpdate();
        if (capTaken == 0) {
            throw ProblemException.refused("annual-cap-exceeded", "P6", Money.format(policy.annualCapFen()), "0.00");
        }
        Voucher v = new Voucher();
        v.id = UUID.randomUUID();
        v.enterpriseUscc = a.enterpriseUscc;
        v.applicationId = a.id;
        v.budgetYear = year;
        v.faceValueFen = a.amountFen;
        v.status = Voucher.Status.ACTIVE;
        v.issuedOn = today;
        v.expiresOn = policy.voucherExpiry(today);
        v.policyVersion = pv.version();
        em.persist(v);
        a.status = VoucherApplication.Status.APPROVED;
        a.decidedAt = OffsetDateTime.now(clock);
        a.decidedBy = actor;
        a.decisionReason = reason;
        a.voucherId = v.id;
        ledger.record(LedgerEntry.Kind.ISSUE, a.amountFen, v, null, pv.version());
        outbox.publish(Topics.USAGE, v.id.toString(), EventTypes.VOUCHER_ISSUED, new Payloads.VoucherUsage(
                config.province().name(), v.id.toString(), v.enterpriseUscc, v.faceValueFen, year, clock.instant()));
        em.flush();
        int budgetTaken = em.createNativeQuery("""
                        UPDATE budget_year SET issued_fen = issued_fen + ?1
                        WHERE year = ?2 AND issued_fen + ?1 <= budget_fen""")
                .setParameter(1, a.amountFen).setParameter(2, year).executeUpdate();
        if (budgetTaken == 0) {
            LOG.debugf("budget %d exhausted for application %s", year, a.id);
            throw ProblemException.refused("budget-exhausted", "P6", "0.00");
        }
    }

    /** P7: expires vouchers past their validity; what was still available goes back as EXPIRE. */
    @Transactional
    public int expireDue() {
        LocalDate today = TimeSource.today(clock);
        @SuppressWarnings("unchecked")
        List<Voucher> due = em.createQuery(
                        "from Voucher where status = :s and expiresOn < :today order by expiresOn", Voucher.class)
                .setParameter("s", Voucher.Status.ACTIVE).setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: a busy voucher waits for the next run
                .setMaxResults(500).getResultList();
        for (Voucher v : due) {
            long available = v.availableFen();
            v.expiredFen += available;
            v.status = Voucher.Status.EXPIRED;
            ledger.record(LedgerEntry.Kind.EXPIRE, available, v, null, v.policyVersion);
            outbox.publish(Topics.USAGE, v.id.toString(), EventTypes.VOUCHER_EXPIRED, new Payloads.VoucherUsage(
                    config.province().name(), v.id.toString(), v.enterpriseUscc, available, v.budgetYear, clock.instant()));
        }
        return due.size();
    }

    public long currentPolicyThreshold() {
        return policies.current().policy().autoApprovalThresholdFen();
    }

    public List<Voucher> ofEnterprise(String uscc) {
        return Voucher.list("enterpriseUscc = ?1 order by issuedOn, id", uscc);
    }

    public List<VoucherApplication> applicationsOf(String uscc) {
        return VoucherApplication.list("enterpriseUscc = ?1 order by filedAt", uscc);
    }

    /** One page of the operator's queue of applications to decide, oldest first. */
    public List<VoucherApplication> pendingApplications(Paging page) {
        return VoucherApplication.<VoucherApplication>find("status = ?1 order by filedAt, id",
                VoucherApplication.Status.PENDING).range(page.offset(), page.last()).list();
    }
}
