package org.yrd.voucher.policy;

import java.util.Set;

/** How much of a completed purchase a voucher pays (兑付), and to whom (P2, P3, P6, P7). */
public final class RedemptionRules {
    private RedemptionRules() {}

    /** P3: the three declarations an enterprise makes with every redemption; any "yes" refuses it. */
    public record Declarations(boolean patentApplicationStage, boolean statutoryTesting, boolean otherPublicFunding) {}

    /**
     * @param category           what was bought
     * @param providerCategories what the provider is admitted for
     * @param requestedFen       what the enterprise asks the voucher to pay
     * @param actualExpenditureFen what the purchase actually cost
     */
    public record Claim(String category, Set<String> providerCategories, Declarations declarations,
                        long requestedFen, long actualExpenditureFen) {}

    public sealed interface Decision permits Granted, Refused, Conflict {}

    /**
     * @param voucherAmountFen   paid from the voucher
     * @param enterpriseShareFen the rest of the expenditure, borne by the enterprise
     */
    public record Granted(long voucherAmountFen, long enterpriseShareFen, RedemptionMode.Payee payee) implements Decision {}

    public record Refused(Refusal refusal) implements Decision {}

    /** The filing collides with another one (e.g. its invoice is already being redeemed): a state conflict. */
    public record Conflict(Refusal refusal) implements Decision {}

    /** Why a voucher pays less than was requested (P6), so that the enterprise is told, not left to compare. */
    public enum Trim {
        /** the voucher's available balance is less than the request */
        BALANCE,
        /** the province's subsidy ratio of the actual expenditure is less than the request */
        RATIO
    }

    public static Decision evaluate(VoucherPolicy policy, Claim claim, long voucherAvailableFen) {
        Declarations d = claim.declarations();
        if (d.patentApplicationStage()) {
            return refuse("excluded-patent-application", "P3");
        }
        if (d.statutoryTesting()) {
            return refuse("excluded-statutory-testing", "P3");
        }
        if (d.otherPublicFunding()) {
            return refuse("excluded-other-public-funding", "P3");
        }
        if (!policy.categories().contains(claim.category())) {
            return refuse("category-not-in-scope", "P2", claim.category());
        }
        if (!claim.providerCategories().contains(claim.category())) {
            return refuse("provider-not-admitted-for-category", "P5", claim.category());
        }
        if (claim.actualExpenditureFen() <= 0 || claim.requestedFen() <= 0) {
            return refuse("amount-not-positive", "P6");
        }
        if (voucherAvailableFen <= 0) {
            return refuse("voucher-exhausted", "P6");
        }
        long amount = voucherAmount(policy, claim.requestedFen(), claim.actualExpenditureFen(), voucherAvailableFen);
        if (amount <= 0) {
            return refuse("nothing-payable", "P6");
        }
        return new Granted(amount, claim.actualExpenditureFen() - amount, policy.mode().payee());
    }

    /**
     * P6: min(requested, balance, ratio × actual rounded down): never above the actual expenditure,
     * never above what the voucher holds.
     */
    public static long voucherAmount(VoucherPolicy policy, long requestedFen, long actualExpenditureFen, long availableFen) {
        long byRatio = Money.share(actualExpenditureFen, policy.subsidyRatio());
        return Math.max(0, Math.min(Math.min(requestedFen, availableFen), Math.min(byRatio, actualExpenditureFen)));
    }

    /** What limited the amount below the request, or {@code null} when the request is paid in full. */
    public static Trim trimmedBy(VoucherPolicy policy, long requestedFen, long actualExpenditureFen, long availableFen) {
        long amount = voucherAmount(policy, requestedFen, actualExpenditureFen, availableFen);
        if (amount >= requestedFen) {
            return null;
        }
        return amount == Math.min(requestedFen, availableFen) ? Trim.BALANCE : Trim.RATIO;
    }

    private static Refused refuse(String code, String rule, Object... args) {
        return new Refused(Refusal.of(code, rule, args));
    }
}
