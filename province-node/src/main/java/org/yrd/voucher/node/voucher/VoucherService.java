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
import org.yrd.voucher.node.enterprise.Enterprise;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.ledger.Ledger;
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
public class VoucherService {
    private static final Logger LOG = Logger.getLogger(VoucherService.class);
    /** Who decided an application that needed no operator. */
    public static final String AUTO_APPROVAL = "auto-approval";

    private final Vouchers vouchers;
    private final Enterprises enterprises;
    private final Clock clock;
    private final Ids ids;
    private final PolicyService policies;
    private final Ledger ledger;

    private final Audit audit;

    VoucherService(Vouchers vouchers, Enterprises enterprises, Clock clock, Ids ids, PolicyService policies,
                   Ledger ledger, Audit audit) {
        this.audit = audit;
        this.vouchers = vouchers;
        this.enterprises = enterprises;
        this.clock = clock;
        this.ids = ids;
        this.policies = policies;
        this.ledger = ledger;
    }

    @Transactional
    public VoucherApplication apply(String enterpriseUscc, long amountFen) {
        Enterprise enterprise = enterprises.lock(enterpriseUscc);
        PolicyVersion pv = policies.current();
        LocalDate today = TimeSource.today(clock);
        policies.ensureBudgetYear(today.getYear(), pv.policy());

        var decision = ApplicationRules.evaluate(pv.policy(), vouchers.applicant(enterprise, today), amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        VoucherApplication a = new VoucherApplication();
        a.id = ids.next();
        a.enterpriseUscc = enterprise.uscc;
        a.amountFen = amountFen;
        a.status = VoucherApplication.Status.PENDING;
        a.policyVersion = pv.version();
        a.filedAt = OffsetDateTime.now(clock);
        vouchers.add(a);
        if (((ApplicationRules.Accepted) decision).autoApprove()) {
            issue(a, pv, AUTO_APPROVAL, VoucherApplication.AUTO_APPROVED, null);
        }
        audit.record("application.filed", a.id, a.status.name(), a.amountFen, null);
        return a;
    }

    @Transactional
    public VoucherApplication approve(UUID applicationId, String actor, String reason) {
        VoucherApplication a = vouchers.lockPending(applicationId);
        // the operator decides under the policy in force now; the caps are checked again
        PolicyVersion pv = policies.current();
        Enterprise enterprise = enterprises.lock(a.enterpriseUscc);
        LocalDate today = TimeSource.today(clock);
        policies.ensureBudgetYear(today.getYear(), pv.policy());
        var decision = ApplicationRules.evaluate(withoutWindow(pv.policy()), vouchers.applicant(enterprise, today),
                a.amountFen, today);
        if (decision instanceof ApplicationRules.Refused r) {
            throw ProblemException.refused(r.refusal());
        }
        a.policyVersion = pv.version();
        issue(a, pv, actor, null, reason);
        audit.record("application.approve", a.id, a.status.name(), a.amountFen, reason);
        return a;
    }

    @Transactional
    public VoucherApplication reject(UUID applicationId, String actor, String reason) {
        VoucherApplication a = vouchers.lockPending(applicationId);
        a.decide(VoucherApplication.Status.REJECTED, OffsetDateTime.now(clock), actor, null, reason);
        audit.record("application.reject", a.id, a.status.name(), a.amountFen, reason);
        return a;
    }

    /** The window applies to filing, not to the operator's later decision. */
    private static VoucherPolicy withoutWindow(VoucherPolicy p) {
        return new VoucherPolicy(p.mode(), p.subsidyRatio(), p.perApplicationCapFen(), p.annualCapFen(),
                p.annualBudgetFen(), p.eligibleRecipients(), p.localCategories(), List.of(), p.voucherValidityDays(),
                p.autoApprovalThresholdFen(), p.pilotZones(), p.reapplyMinUsagePercent());
    }

    /**
     * Issues the voucher: P6 annual cap and the province budget are taken by conditional updates, the
     * budget last because it is the row every application contends for.
     */
    private void issue(VoucherApplication a, PolicyVersion pv, String actor, String code, String reason) {
        VoucherPolicy policy = pv.policy();
        LocalDate today = TimeSource.today(clock);
        int year = today.getYear();
        if (!vouchers.takeAnnualCap(a.enterpriseUscc, year, a.amountFen, policy.annualCapFen())) {
            throw ProblemException.refused("annual-cap-exceeded", "P6", Money.format(policy.annualCapFen()), "0.00");
        }
        Voucher v = new Voucher();
        v.id = ids.next();
        v.enterpriseUscc = a.enterpriseUscc;
        v.applicationId = a.id;
        v.budgetYear = year;
        v.faceValueFen = a.amountFen;
        v.status = Voucher.Status.ACTIVE;
        v.issuedOn = today;
        v.expiresOn = policy.voucherExpiry(today);
        v.policyVersion = pv.version();
        vouchers.add(v);
        a.decide(VoucherApplication.Status.APPROVED, OffsetDateTime.now(clock), actor, code, reason);
        a.voucherId = v.id;
        ledger.record(v.issued());
        if (!vouchers.takeBudget(year, a.amountFen)) {
            LOG.debugf("budget %d exhausted for application %s", year, a.id);
            throw ProblemException.refused("budget-exhausted", "P6", "0.00");
        }
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
