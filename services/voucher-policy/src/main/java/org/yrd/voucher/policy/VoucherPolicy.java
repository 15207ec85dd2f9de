package org.yrd.voucher.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One province's voucher policy (P6, P7, P15, P16): the flexible parts each province sets for itself.
 * The unified parts (recipients P1, scope P2/P3) are enforced whatever a province writes here.
 *
 * @param mode                     P7 redemption mode
 * @param subsidyRatio             share of an actual expenditure a voucher may cover, in (0, 1]
 * @param perApplicationCapFen     P6 most one application may ask for
 * @param annualCapFen             P6 most one enterprise may be issued in a calendar year
 * @param annualBudgetFen          the province's voucher budget per calendar year
 * @param eligibleRecipients       P1 who may apply (tech SMEs always)
 * @param localCategories          P2 categories this province adds to the common list
 * @param applicationWindows       yearly periods applications are open; empty means all year
 * @param voucherValidityDays      days a voucher stays valid from its issue day
 * @param autoApprovalThresholdFen amounts up to this are approved without an operator
 * @param pilotZones               P16 city/district code prefixes; empty means the whole province
 * @param reapplyMinUsagePercent   少量多次: share of the face value of still-valid vouchers already
 *                                 used (redeemed or held) before a new application
 * @param risk                     P13 thresholds of the risk screening rules
 * @param pools                    P10 city and district pools within the annual budget; empty: one provincial pool
 */
public record VoucherPolicy(
        RedemptionMode mode,
        BigDecimal subsidyRatio,
        long perApplicationCapFen,
        long annualCapFen,
        long annualBudgetFen,
        Set<RecipientType> eligibleRecipients,
        Set<String> localCategories,
        List<ApplicationWindow> applicationWindows,
        int voucherValidityDays,
        long autoApprovalThresholdFen,
        Set<String> pilotZones,
        int reapplyMinUsagePercent,
        RiskThresholds risk,
        List<Pool> pools) {

    /** A policy with the default risk thresholds and no pools. */
    public VoucherPolicy(RedemptionMode mode, BigDecimal subsidyRatio, long perApplicationCapFen, long annualCapFen,
                         long annualBudgetFen, Set<RecipientType> eligibleRecipients, Set<String> localCategories,
                         List<ApplicationWindow> applicationWindows, int voucherValidityDays,
                         long autoApprovalThresholdFen, Set<String> pilotZones, int reapplyMinUsagePercent) {
        this(mode, subsidyRatio, perApplicationCapFen, annualCapFen, annualBudgetFen, eligibleRecipients,
                localCategories, applicationWindows, voucherValidityDays, autoApprovalThresholdFen, pilotZones,
                reapplyMinUsagePercent, RiskThresholds.DEFAULT, List.of());
    }

    public VoucherPolicy {
        risk = risk == null ? RiskThresholds.DEFAULT : risk;
        pools = pools == null ? List.of() : List.copyOf(pools);
        eligibleRecipients = eligibleRecipients == null ? Set.of() : Set.copyOf(eligibleRecipients);
        localCategories = localCategories == null ? Set.of() : Set.copyOf(localCategories);
        applicationWindows = applicationWindows == null ? List.of() : List.copyOf(applicationWindows);
        pilotZones = pilotZones == null ? Set.of() : Set.copyOf(pilotZones);
    }

    /** P2: the common list always, plus this province's own. */
    public Set<String> categories() {
        Set<String> all = new LinkedHashSet<>(Categories.COMMON);
        all.addAll(localCategories);
        return all;
    }

    public boolean applicationsOpenOn(LocalDate day) {
        return applicationWindows.isEmpty() || applicationWindows.stream().anyMatch(w -> w.contains(day));
    }

    /** P16: with pilot zones set, only enterprises registered in one of them may apply. */
    public boolean admitsDistrict(String districtCode) {
        return pilotZones.isEmpty() || (districtCode != null && pilotZones.stream().anyMatch(districtCode::startsWith));
    }

    /** The window open on {@code day}, if any (none when applications are open all year). */
    public java.util.Optional<ApplicationWindow> windowOn(LocalDate day) {
        return applicationWindows.stream().filter(w -> w.contains(day)).findFirst();
    }

    /**
     * P10: the pools an enterprise of {@code districtCode} draws from besides the provincial budget, the city's
     * before the district's.
     */
    public List<Pool> poolsFor(String districtCode) {
        return pools.stream().filter(p -> p.contains(districtCode))
                .sorted(java.util.Comparator.comparingInt(p -> p.code().length())).toList();
    }

    public LocalDate voucherExpiry(LocalDate issuedOn) {
        return issuedOn.plusDays(voucherValidityDays - 1L);
    }

    /** Everything wrong with this policy; empty when a province may run it. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (mode == null) {
            v.add(Violation.of("mode", "policy-mode"));
        }
        if (subsidyRatio == null || subsidyRatio.signum() <= 0 || subsidyRatio.compareTo(BigDecimal.ONE) > 0) {
            v.add(Violation.of("subsidyRatio", "policy-ratio-range"));
        } else if (subsidyRatio.scale() > 4) {
            v.add(Violation.of("subsidyRatio", "policy-ratio-scale", 4));
        }
        checkMoney(v, "perApplicationCapFen", perApplicationCapFen, 1);
        checkMoney(v, "annualCapFen", annualCapFen, 1);
        checkMoney(v, "annualBudgetFen", annualBudgetFen, 1);
        checkMoney(v, "autoApprovalThresholdFen", autoApprovalThresholdFen, 0);
        if (annualCapFen < perApplicationCapFen) {
            v.add(Violation.of("annualCapFen", "policy-annual-below-per-application"));
        }
        if (!eligibleRecipients.contains(RecipientType.TECH_SME)) {
            v.add(Violation.of("eligibleRecipients", "policy-tech-sme-required"));
        }
        for (String c : localCategories) {
            if (!Categories.isWellFormed(c)) {
                v.add(Violation.of("localCategories", "policy-category-code", c));
            }
        }
        if (voucherValidityDays < 1 || voucherValidityDays > 1096) {
            v.add(Violation.of("voucherValidityDays", "whole-number", 1, 1096));
        }
        for (String zone : pilotZones) {
            if (zone == null || !zone.matches("\\d{2,6}")) {
                v.add(Violation.of("pilotZones", "policy-pilot-zone", zone));
            }
        }
        if (reapplyMinUsagePercent < 0 || reapplyMinUsagePercent > 100) {
            v.add(Violation.of("reapplyMinUsagePercent", "whole-number", 0, 100));
        }
        v.addAll(risk.violations());
        poolViolations(v);
        return v;
    }

    /** P10: codes well-formed and unique; a district's pools fit in their city's, the cities' in the budget. */
    private void poolViolations(List<Violation> v) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, Long> children = new java.util.HashMap<>();
        for (int i = 0; i < pools.size(); i++) {
            Pool p = pools.get(i);
            String field = "pools[" + i + "]";
            if (p == null || p.code() == null || !p.code().matches("\\d{4}|\\d{6}")) {
                v.add(Violation.of(field + ".code", "policy-pool-code"));
                continue;
            }
            if (!seen.add(p.code())) {
                v.add(Violation.of(field + ".code", "policy-pool-duplicate", p.code()));
            }
            checkMoney(v, field + ".annualBudgetFen", p.annualBudgetFen(), 1);
            if (p.name() == null || p.name().isBlank()) {
                v.add(Violation.of(field + ".name", "required"));
            } else if (p.name().length() > 100) {
                v.add(Violation.of(field + ".name", "max-length", 100));
            }
            children.merge(parentOf(p), p.annualBudgetFen(), Long::sum);
        }
        children.forEach((parent, sum) -> {
            long parentBudget = parent.isEmpty() ? annualBudgetFen : pools.stream()
                    .filter(p -> p != null && parent.equals(p.code())).mapToLong(Pool::annualBudgetFen).sum();
            if (sum > parentBudget) {
                v.add(Violation.of("pools", "policy-pools-above-parent", parent.isEmpty() ? "annualBudgetFen" : parent));
            }
        });
    }

    /** The code of the pool that contains {@code p}: its city's, when the policy has one; else the province (""). */
    private String parentOf(Pool p) {
        if (p.isCity()) {
            return "";
        }
        String city = p.code().substring(0, 4);
        return pools.stream().anyMatch(o -> o != null && city.equals(o.code())) ? city : "";
    }

    private static void checkMoney(List<Violation> v, String field, long fen, long min) {
        if (fen < min || fen > Money.MAX_FEN) {
            v.add(Violation.of(field, "policy-money-range", min, Money.MAX_FEN));
        }
    }
}
