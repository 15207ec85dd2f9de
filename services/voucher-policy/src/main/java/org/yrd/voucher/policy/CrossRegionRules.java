package org.yrd.voucher.policy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the hub decides about a cross-region request (P7, P14), from what it holds: the uses of the request's invoice
 * in every province (by keyed hash) and the provider's recognition. The hub only reads and stores; the decision is
 * here.
 */
public final class CrossRegionRules {
    private CrossRegionRules() {}

    /** A redemption the hub has seen the invoice under, still live (its invoice taken) or ended. */
    public record InvoiceUse(String redemptionId, boolean live) {}

    /** The provider as the YRD registry holds it; null fields for one it does not know. */
    public record Recognition(boolean recognised, String homeProvince, Set<String> categories) {
        public Recognition {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }

        public static final Recognition UNKNOWN = new Recognition(false, null, Set.of());
    }

    /** What becomes of the request. */
    public sealed interface Decision {}

    /** Recorded (its invoice live under it) and passed to the provider's node. */
    public record Route() implements Decision {}

    /** Sent back to the issuing node with the reason. */
    public record Refuse(Refusal refusal) implements Decision {}

    /**
     * Its node already ended the redemption (released while the hub was down, say; the usage stream said so first):
     * nothing to route, and never undone here.
     */
    public record AlreadyEnded() implements Decision {}

    /**
     * The checks in order: one redemption per invoice across the YRD (an invoice live under another redemption is a
     * duplicate, checked first), then P14 recognition of the provider, in the province it claims, for the category.
     */
    public static Decision decide(String redemptionId, String providerProvince, String category,
                                  Collection<InvoiceUse> invoiceUses, Recognition provider) {
        if (invoiceUses.stream().anyMatch(u -> u.live() && !u.redemptionId().equals(redemptionId))) {
            return new Refuse(Refusal.of("invoice-already-redeemed", "P7"));
        }
        if (!recognisedFor(provider, providerProvince, category)) {
            return new Refuse(Refusal.of("provider-not-recognised", "P14", category));
        }
        List<InvoiceUse> own = invoiceUses.stream().filter(u -> u.redemptionId().equals(redemptionId)).toList();
        return own.isEmpty() || own.get(0).live() ? new Route() : new AlreadyEnded();
    }

    /** P14: recognised at the hub, at home in the province the request names, for the category. */
    public static boolean recognisedFor(Recognition p, String providerProvince, String category) {
        return p != null && p.recognised() && p.homeProvince() != null && p.homeProvince().equals(providerProvince)
                && p.categories().contains(category);
    }
}
