package org.yrd.voucher.policy;

import java.time.LocalDate;

/**
 * Whether an enterprise may apply for an amount of vouchers (申领), under its province's policy.
 * The node re-enforces the budget and the annual cap in the database when it issues, so that no
 * interleaving of requests can go past them; this check gives the early, explained answer.
 */
public final class ApplicationRules {
    private ApplicationRules() {}

    /**
     * What the node knows about the applicant when it applies.
     *
     * @param issuedThisYearFen face value issued to it this calendar year
     * @param activeFaceFen     face value of its vouchers still valid
     * @param activeUsedFen     of those, redeemed or held for pending redemptions
     * @param budgetLeftFen     the province's budget not yet issued this year
     */
    public record Applicant(RecipientType type, String districtCode, boolean negativeListed,
                            long issuedThisYearFen, long activeFaceFen, long activeUsedFen, long budgetLeftFen) {}

    public sealed interface Decision permits Accepted, Refused {}

    /** The application may go ahead; below the threshold it is approved without an operator. */
    public record Accepted(boolean autoApprove) implements Decision {}

    public record Refused(Refusal refusal) implements Decision {}

    public static Decision evaluate(VoucherPolicy policy, Applicant a, long requestedFen, LocalDate today) {
        if (a.negativeListed()) {
            return refuse("negative-listed", "P13");
        }
        if (!policy.eligibleRecipients().contains(a.type())) {
            return refuse("recipient-not-eligible", "P1", a.type());
        }
        if (!policy.admitsDistrict(a.districtCode())) {
            return refuse("outside-pilot-zone", "P16", a.districtCode());
        }
        if (!policy.applicationsOpenOn(today)) {
            return refuse("application-window-closed", "P6", today);
        }
        if (requestedFen <= 0) {
            return refuse("amount-not-positive", "P6");
        }
        if (requestedFen > policy.perApplicationCapFen()) {
            return refuse("per-application-cap-exceeded", "P6",
                    Money.format(requestedFen), Money.format(policy.perApplicationCapFen()));
        }
        if (a.issuedThisYearFen() + requestedFen > policy.annualCapFen()) {
            return refuse("annual-cap-exceeded", "P6", Money.format(policy.annualCapFen()),
                    Money.format(Math.max(0, policy.annualCapFen() - a.issuedThisYearFen())));
        }
        if (!usedEnough(policy.reapplyMinUsagePercent(), a.activeFaceFen(), a.activeUsedFen())) {
            return refuse("previous-vouchers-underused", "P6", policy.reapplyMinUsagePercent());
        }
        if (requestedFen > a.budgetLeftFen()) {
            return refuse("budget-exhausted", "P6", Money.format(Math.max(0, a.budgetLeftFen())));
        }
        return new Accepted(requestedFen <= policy.autoApprovalThresholdFen());
    }

    /** 少量多次: used / face ≥ percent, in exact integers (no vouchers: nothing to use first). */
    static boolean usedEnough(int minPercent, long faceFen, long usedFen) {
        if (faceFen <= 0) {
            return true;
        }
        return Money.atLeastPercent(usedFen, faceFen, minPercent);
    }

    private static Refused refuse(String code, String rule, Object... args) {
        return new Refused(Refusal.of(code, rule, args));
    }
}
