package org.yrd.voucher.policy;

import java.util.Optional;

/** Whether an approved redemption may be paid (P7, P13). */
public final class PaymentRules {
    private PaymentRules() {}

    /** Whether each party to the payment is on the negative list today. */
    public record Parties(String payeeUscc, boolean payeeListed, String enterpriseUscc, boolean enterpriseListed,
                          String providerUscc, boolean providerListed) {}

    /** P13: a listed payee is never paid, and neither party may be listed; the payee is named first. */
    public static Optional<Refusal> refusal(Parties p) {
        if (p.payeeListed()) {
            return Optional.of(Refusal.of("payee-negative-listed", "P13", p.payeeUscc()));
        }
        if (p.enterpriseListed()) {
            return Optional.of(Refusal.of("enterprise-negative-listed", "P13", p.enterpriseUscc()));
        }
        if (p.providerListed()) {
            return Optional.of(Refusal.of("provider-negative-listed", "P13", p.providerUscc()));
        }
        return Optional.empty();
    }
}
