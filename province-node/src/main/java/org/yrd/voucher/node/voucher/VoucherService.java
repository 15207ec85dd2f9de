package org.yrd.voucher.node.voucher;

import org.yrd.voucher.node.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.policy.BudgetYears;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.policy.Pool;
import org.yrd.voucher.policy.ApplicationRules;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * Voucher applications and issuance (P6, P7 预先发放). The rules give the explained answer; the budget
 * and the annual cap are then taken by conditional updates, so no interleaving can over-issue.
 */
@ApplicationScoped
public class VoucherService {
    private static final Logger LOG = Logger.getLogger(VoucherService.class);
    /** Who decided an application that needed no operator. */
    public static final String AUTO_APPROVAL = "auto-approval";
    /** The system's reason for an application the draw selected (P6). */
    public static final String DRAWN = "draw-successful";

    private final Vouchers vouchers;
    private final Enterprises enterprises;
    private final Clock clock;
    private final Ids ids;
    private final PolicyService policies;
    private final BudgetYears budgetYears;
    private final Ledger ledger;

    private final Audit audit;
    private final DrawService draws;

    VoucherService(Vouchers vouchers, Enterprises enterprises, Clock clock, Ids ids, PolicyService policies,
                   BudgetYears budgetYears, Ledger ledger, Audit audit, DrawService draws) {
        this.draws = draws;
        this.audit = audit;
        this.vouchers = vouchers;
        this.enterprises = enterprises;
        this.clock = clock;
        this.ids = ids;
        this.policies = policies;
        this.budgetYears = budgetYears;
        this.ledger = ledger;
    }

    @Transactional
    public VoucherApplication apply(String enterpriseUscc, long amountFen) {
        Vouchers.Applicant applicant = vouchers.lockApplicant(enterpriseUscc);
        PolicyVersion pv = policies.current();
        LocalDate today = TimeSource.today(clock);
        budgetYears.ensure(today.getYear(), pv.policy());

        var decision = ApplicationRules.evaluate(pv.policy(), vouchers.applicant(applicant, today), amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        refuseIfPoolShort(pv.policy(), applicant.districtCode(), today.getYear(), amountFen);
        VoucherApplication a = new VoucherApplication();
        a.id = ids.next();
        a.enterpriseUscc = applicant.uscc();
        a.amountFen = amountFen;
        a.status = VoucherApplication.Status.PENDING;
        a.policyVersion = pv.version();
        a.filedAt = OffsetDateTime.now(clock);
        var window = pv.policy().windowOn(today);
        if (window.isPresent() && window.get().draw()) {
            // P6: an oversubscribed window is allocated by lottery when it closes; nothing is held meanwhile
            draws.enter(a, window.get(), today);
            audit.record("application.filed", a.id, a.status.name(), a.amountFen, "draw " + a.drawId);
            return a;
        }
        if (((ApplicationRules.Accepted) decision).autoApprove()) {
            a.decide(VoucherApplication.Status.APPROVED, a.filedAt, AUTO_APPROVAL, VoucherApplication.AUTO_APPROVED,
                    null);
            issue(a, true, applicant, pv);
        } else {
            vouchers.filed(a);
        }
        audit.record("application.filed", a.id, a.status.name(), a.amountFen, null);
        return a;
    }

    @Transactional
    public VoucherApplication approve(UUID applicationId, String actor, String reason) {
        Vouchers.Pending pending = vouchers.lockPendingWithApplicant(applicationId);
        VoucherApplication a = pending.application();
        // the operator decides under the policy in force now; the caps are checked again
        PolicyVersion pv = policies.current();
        LocalDate today = TimeSource.today(clock);
        budgetYears.ensure(today.getYear(), pv.policy());
        var decision = ApplicationRules.evaluate(withoutWindow(pv.policy()),
                vouchers.applicant(pending.applicant(), today), a.amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        a.policyVersion = pv.version();
        a.decide(VoucherApplication.Status.APPROVED, OffsetDateTime.now(clock), actor, null, reason);
        issue(a, false, pending.applicant(), pv);
        audit.record("application.approve", a.id, a.status.name(), a.amountFen, reason);
        return a;
    }

    @Transactional
    public VoucherApplication reject(UUID applicationId, String actor, String reason) {
        VoucherApplication a = vouchers.lockPendingWithApplicant(applicationId).application();
        a.decide(VoucherApplication.Status.REJECTED, OffsetDateTime.now(clock), actor, null, reason);
        vouchers.rejected(a);
        audit.record("application.reject", a.id, a.status.name(), a.amountFen, reason);
        return a;
    }

    /** The window applies to filing, not to the operator's later decision. */
    private static VoucherPolicy withoutWindow(VoucherPolicy p) {
        return new VoucherPolicy(p.mode(), p.subsidyRatio(), p.perApplicationCapFen(), p.annualCapFen(),
                p.annualBudgetFen(), p.eligibleRecipients(), p.localCategories(), List.of(), p.voucherValidityDays(),
                p.autoApprovalThresholdFen(), p.pilotZones(), p.reapplyMinUsagePercent(), p.risk(), p.pools());
    }

    /**
     * Issues the voucher of application {@code a}, decided APPROVED ({@code filed}: filed now, else pending until
     * now): the application, the annual cap (P6), a share of the budget, the voucher and its ledger entry in one
     * statement ({@link Vouchers#issue}), each limit taken by a conditional update, under the applicant's row lock.
     * When no share has room alone, the budget is taken the slow way; the pools (P10), where the policy has any,
     * after it.
     */
    private void issue(VoucherApplication a, boolean filed, Vouchers.Applicant applicant, PolicyVersion pv) {
        VoucherPolicy policy = pv.policy();
        LocalDate today = TimeSource.today(clock);
        int year = today.getYear();
        List<Pool> pools = policy.poolsFor(applicant.districtCode());
        Voucher v = voucher(a, pv, applicant.districtCode(), pools, today);
        a.voucherId = v.id;
        Vouchers.Taken taken = vouchers.issue(a, filed, v, policy.annualCapFen(), OffsetDateTime.now(clock));
        if (!taken.annualCap()) {
            throw ProblemException.refused("annual-cap-exceeded", "P6", Money.format(policy.annualCapFen()), "0.00");
        }
        if (!taken.budgetShare() && !vouchers.takeBudget(year, a.amountFen)) {
            LOG.debugf("budget %d exhausted for application %s", year, a.id);
            throw ProblemException.refused("budget-exhausted", "P6", "0.00");
        }
        ledger.recorded(v.issued());
        takePools(pools, year, a.amountFen);
    }

    /** The voucher application {@code a} is issued today (预先发放), drawing on {@code pools} besides the budget (P10). */
    private Voucher voucher(VoucherApplication a, PolicyVersion pv, String district, List<Pool> pools, LocalDate today) {
        Voucher v = new Voucher();
        v.id = ids.next();
        v.enterpriseUscc = a.enterpriseUscc;
        v.districtCode = district;
        v.pools = pools.isEmpty() ? null : String.join(",", pools.stream().map(Pool::code).toList());
        v.applicationId = a.id;
        v.budgetYear = today.getYear();
        v.faceValueFen = a.amountFen;
        v.status = Voucher.Status.ACTIVE;
        v.issuedOn = today;
        v.expiresOn = pv.policy().voucherExpiry(today);
        v.policyVersion = pv.version();
        return v;
    }

    /** P10: the city's pool, then the district's, each by a conditional update like the budget. */
    private void takePools(List<Pool> pools, int year, long amountFen) {
        for (Pool pool : pools) {
            vouchers.ensurePool(year, pool);
            if (!vouchers.takePool(year, pool.code(), amountFen)) {
                throw ProblemException.refused("pool-exhausted", "P10", pool.name(), "0.00");
            }
        }
    }

    /**
     * Issues a drawn application's voucher through Hibernate (the draw holds its applications as entities): P6 annual
     * cap and the province budget are taken by conditional updates, the budget last because it is the row every
     * application contends for.
     */
    private void issue(VoucherApplication a, PolicyVersion pv, String actor, String code, String reason) {
        VoucherPolicy policy = pv.policy();
        LocalDate today = TimeSource.today(clock);
        int year = today.getYear();
        if (!vouchers.takeAnnualCap(a.enterpriseUscc, year, a.amountFen, policy.annualCapFen())) {
            throw ProblemException.refused("annual-cap-exceeded", "P6", Money.format(policy.annualCapFen()), "0.00");
        }
        String district = enterprises.require(a.enterpriseUscc).districtCode;
        List<Pool> pools = policy.poolsFor(district);
        Voucher v = voucher(a, pv, district, pools, today);
        vouchers.add(v);
        a.decide(VoucherApplication.Status.APPROVED, OffsetDateTime.now(clock), actor, code, reason);
        a.voucherId = v.id;
        ledger.record(v.issued());
        if (!vouchers.takeBudget(year, a.amountFen)) {
            LOG.debugf("budget %d exhausted for application %s", year, a.id);
            throw ProblemException.refused("budget-exhausted", "P6", "0.00");
        }
        takePools(pools, year, a.amountFen);
    }

    /**
     * A successful application of a draw (P6) is issued like any other; one whose enterprise reached its annual cap
     * since it applied is refused as such (the cap is taken first, so nothing else moved).
     */
    void issueDrawn(VoucherApplication a) {
        PolicyVersion pv = policies.current();
        a.policyVersion = pv.version();
        try {
            issue(a, pv, AUTO_APPROVAL, DRAWN, null);
        } catch (ProblemException e) {
            if (!"annual-cap-exceeded".equals(e.code())) {
                throw e;
            }
            a.decide(VoucherApplication.Status.REJECTED, OffsetDateTime.now(clock), AUTO_APPROVAL, e.code(), null);
        }
        audit.record("application.drawn", a.id, a.status.name(), a.amountFen, null);
    }

    /** P10: the early, explained answer when a pool the enterprise draws from has less left than asked. */
    private void refuseIfPoolShort(VoucherPolicy policy, String district, int year, long amountFen) {
        for (Pool pool : policy.poolsFor(district)) {
            long left = vouchers.poolLeft(year, pool);
            if (amountFen > left) {
                throw ProblemException.refused("pool-exhausted", "P10", pool.name(), Money.format(Math.max(0, left)));
            }
        }
    }

    /** Every pool of the policy in force has its row for the year (a draw locks and allocates them all). */
    void ensurePools(int year) {
        policies.current().policy().pools().forEach(p -> vouchers.ensurePool(year, p));
    }

    /** P10: the pools (city, then district) an enterprise draws from besides the provincial budget. */
    public List<String> poolsOf(String enterpriseUscc) {
        String district = enterprises.require(enterpriseUscc).districtCode;
        return policies.current().policy().poolsFor(district).stream().map(Pool::code).toList();
    }

    /** P7: expires vouchers past their validity; what was still available goes back as EXPIRE. */
    @Transactional
    public int expireDue() {
        List<Voucher> due = vouchers.lockDueForExpiry(TimeSource.today(clock), 500);
        for (Voucher v : due) {
            ledger.record(v.expire());
        }
        return due.size();
    }
}
