package org.yrd.voucher.policy;

import java.time.LocalDate;
import java.util.Set;

/**
 * Whether a completed purchase may be redeemed now, and for how much (P2, P3, P5, P6, P7, P13, P14): every
 * refusal of a filing, from a typed description of what the node knows when the enterprise files. The node
 * reads these facts in one query and carries out the decision.
 */
public final class FilingRules {
    private FilingRules() {}

    /** Where the provider stands for the filing province. */
    public sealed interface ProviderStanding permits Local, Recognised, Unknown {
        Set<String> categories();
    }

    /** The provider is this province's own (P5): usable only while admitted. */
    public record Local(boolean admitted, String status, Set<String> categories) implements ProviderStanding {}

    /** Another province's provider, recognised YRD-wide by the hub (P8, P14). */
    public record Recognised(String homeProvince, Set<String> categories) implements ProviderStanding {}

    /** Neither admitted here nor recognised by the hub. */
    public record Unknown() implements ProviderStanding {
        @Override
        public Set<String> categories() {
            return Set.of();
        }
    }

    /** The voucher as it stands under its row lock. */
    public record VoucherFacts(boolean active, LocalDate issuedOn, LocalDate expiresOn, long availableFen) {
        public boolean validOn(LocalDate day) {
            return active && !day.isBefore(issuedOn) && !day.isAfter(expiresOn);
        }
    }

    /**
     * What the node knows when the enterprise files.
     *
     * @param invoiceTaken the invoice is already redeemed here, or held by another province's request to this
     *                     province's provider
     */
    public record Facts(LocalDate today, boolean enterpriseListed, boolean providerListed, ProviderStanding provider,
                        VoucherFacts voucher, boolean invoiceTaken) {}

    /** What the enterprise files. */
    public record Filing(String enterpriseUscc, String providerUscc, String invoiceNo, LocalDate completionDate,
                         String category, RedemptionRules.Declarations declarations, long requestedFen,
                         long actualExpenditureFen) {}

    /** The checks in the order a reader is told of them: the parties, the voucher, the invoice, then the claim. */
    public static RedemptionRules.Decision evaluate(VoucherPolicy policy, Filing f, Facts facts) {
        // P13: neither the enterprise nor the provider is listed, the enterprise named first
        if (facts.enterpriseListed()) {
            return refuse("enterprise-negative-listed", "P13", f.enterpriseUscc());
        }
        if (facts.providerListed()) {
            return refuse("provider-negative-listed", "P13", f.providerUscc());
        }
        // local and admitted (P5), or recognised YRD-wide through the hub (P8, P14)
        if (facts.provider() instanceof Local local && !local.admitted()) {
            return refuse("provider-not-admitted", "P5", f.providerUscc(), local.status());
        }
        if (facts.provider() instanceof Unknown) {
            return refuse("provider-not-recognised", "P14", f.providerUscc());
        }
        if (!facts.voucher().validOn(facts.today())) {
            return refuse("voucher-expired", "P7", facts.voucher().expiresOn());
        }
        // P7 预先发放、事后兑付: the purchase is made with a voucher already in hand
        if (f.completionDate().isBefore(facts.voucher().issuedOn())) {
            return refuse("completion-before-issue", "P7", facts.voucher().issuedOn());
        }
        // one redemption per invoice (not a policy rule: a collision with another filing)
        if (facts.invoiceTaken()) {
            return new RedemptionRules.Conflict(Refusal.of("invoice-already-redeemed", null, f.invoiceNo()));
        }
        return RedemptionRules.evaluate(policy, new RedemptionRules.Claim(f.category(), facts.provider().categories(),
                f.declarations(), f.requestedFen(), f.actualExpenditureFen()), facts.voucher().availableFen());
    }

    private static RedemptionRules.Refused refuse(String code, String rule, Object... args) {
        return new RedemptionRules.Refused(Refusal.of(code, rule, args));
    }
}
