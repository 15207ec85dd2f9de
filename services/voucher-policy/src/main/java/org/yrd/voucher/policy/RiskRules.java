package org.yrd.voucher.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * P13 risk prevention: the named, explainable rules every filed redemption is screened by. A rule that fires gives
 * a {@link Flag} with its evidence; a flagged redemption is never approved automatically, an operator decides it.
 * The node screens its own filings ({@link #screen}); the hub screens across provinces ({@link Rule#CONTRACT_DUPLICATE}).
 */
public final class RiskRules {
    private RiskRules() {}

    public enum Rule {
        /** one purchase split into several filings, each under the auto-approval threshold, together above it */
        SPLIT_PURCHASE("filings", "sumFen", "thresholdFen", "periodDays", "earlier"),
        /** enterprise and provider share a legal representative, contact phone or address, or declared a relation */
        RELATED_PARTY("sharedTraits", "relationDeclared"),
        /** most of a provider's voucher income comes from one enterprise or group */
        CONCENTRATION("groupIncomeFen", "providerIncomeFen", "thresholdPercent"),
        /** the same contract and amount redeemed in another province (or here) under another invoice */
        CONTRACT_DUPLICATE("otherProvince", "otherRedemptionId", "actualExpenditureFen");

        private final List<String> evidence;

        Rule(String... evidence) {
            this.evidence = List.of(evidence);
        }

        /** The evidence's values in the order its explanation names them. */
        public Object[] explanationArgs(Map<String, Object> evidence) {
            return this.evidence.stream().map(k -> evidence.get(k)).toArray();
        }
    }

    /** What the parties registered about themselves, compared for {@link Rule#RELATED_PARTY}. */
    public enum Trait { LEGAL_REPRESENTATIVE, CONTACT_PHONE, ADDRESS }

    /** A rule that fired, with the facts it fired on (in the order its message names them). */
    public record Flag(Rule rule, Map<String, Object> evidence) {
        public Flag {
            evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        }
    }

    /** An earlier, still-live filing of the same enterprise with the same provider within the period. */
    public record Prior(String redemptionId, long voucherAmountFen) {}

    /**
     * What the node knows when a redemption is filed.
     *
     * @param voucherAmountFen     what this filing would pay
     * @param priors               the same pair's live filings within {@link RiskThresholds#splitPeriodDays()}
     * @param sharedTraits         what enterprise and provider have in common
     * @param relationDeclared     the enterprise declared a relation with the provider
     * @param providerIncomeFen    the provider's voucher income this year at this node, this filing included
     * @param groupIncomeFen       of which from this enterprise or its group (same parent), this filing included
     */
    public record Facts(long voucherAmountFen, List<Prior> priors, Set<Trait> sharedTraits, boolean relationDeclared,
                        long providerIncomeFen, long groupIncomeFen) {
        public Facts {
            priors = priors == null ? List.of() : List.copyOf(priors);
            sharedTraits = sharedTraits == null ? Set.of() : Set.copyOf(sharedTraits);
        }
    }

    /**
     * A filing's claim on its provider's contract, as the hub keeps it across provinces (contract and invoice as keyed
     * hashes; {@code filedAt} orders the claims).
     */
    public record ContractClaim(String province, String redemptionId, String providerUscc, String contractHash,
                                long actualExpenditureFen, String invoiceHash, boolean live, Instant filedAt) {}

    /**
     * {@link Rule#CONTRACT_DUPLICATE}, run at the hub: the same provider's contract with the same actual expenditure
     * already claimed, live, by another redemption under another invoice (in any province, this one included); the
     * earliest such claim is the evidence. The same invoice is the invoice rule's business, not this one's.
     */
    public static Optional<Flag> contractDuplicate(ContractClaim filed, Collection<ContractClaim> others) {
        return others.stream()
                .filter(o -> o.live() && !o.redemptionId().equals(filed.redemptionId())
                        && o.providerUscc().equals(filed.providerUscc()) && o.contractHash().equals(filed.contractHash())
                        && o.actualExpenditureFen() == filed.actualExpenditureFen()
                        && !o.invoiceHash().equals(filed.invoiceHash()))
                .min(Comparator.comparing(ContractClaim::filedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ContractClaim::redemptionId))
                .map(o -> {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("otherProvince", o.province());
                    ev.put("otherRedemptionId", o.redemptionId());
                    ev.put("actualExpenditureFen", filed.actualExpenditureFen());
                    return new Flag(Rule.CONTRACT_DUPLICATE, ev);
                });
    }

    public static List<Flag> screen(VoucherPolicy policy, Facts f) {
        List<Flag> flags = new ArrayList<>();
        splitPurchase(policy, f).ifPresent(flags::add);
        if (!f.sharedTraits().isEmpty() || f.relationDeclared()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("sharedTraits", f.sharedTraits().stream().map(Enum::name).sorted().toList());
            ev.put("relationDeclared", f.relationDeclared());
            flags.add(new Flag(Rule.RELATED_PARTY, ev));
        }
        RiskThresholds t = policy.risk();
        if (f.providerIncomeFen() >= t.concentrationMinIncomeFen() && f.providerIncomeFen() > 0
                && Money.atLeastPercent(f.groupIncomeFen(), f.providerIncomeFen(), t.concentrationPercent())) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("groupIncomeFen", f.groupIncomeFen());
            ev.put("providerIncomeFen", f.providerIncomeFen());
            ev.put("thresholdPercent", t.concentrationPercent());
            flags.add(new Flag(Rule.CONCENTRATION, ev));
        }
        return flags;
    }

    /** Every filing of the pair in the period under the threshold, and together above it. */
    private static Optional<Flag> splitPurchase(VoucherPolicy policy, Facts f) {
        long threshold = policy.autoApprovalThresholdFen();
        if (f.priors().isEmpty() || f.voucherAmountFen() > threshold
                || f.priors().stream().anyMatch(p -> p.voucherAmountFen() > threshold)) {
            return Optional.empty();
        }
        long sum = f.voucherAmountFen() + f.priors().stream().mapToLong(Prior::voucherAmountFen).sum();
        if (sum <= threshold) {
            return Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("filings", f.priors().size() + 1);
        ev.put("sumFen", sum);
        ev.put("thresholdFen", threshold);
        ev.put("periodDays", policy.risk().splitPeriodDays());
        ev.put("earlier", f.priors().stream().map(Prior::redemptionId).toList());
        return Optional.of(new Flag(Rule.SPLIT_PURCHASE, ev));
    }
}
