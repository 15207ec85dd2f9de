package org.yrd.voucher.node.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.policy.ApplicationWindow;
import org.yrd.voucher.policy.Pool;
import org.yrd.voucher.policy.RiskThresholds;
import org.yrd.voucher.policy.RecipientType;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.Violation;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * A province's policy as written in {@code deploy/policies/<code>.yaml} and as published by an
 * operator. Money in fen; windows as {@code MM-DD}.
 */
public record PolicyDocument(
        RedemptionMode mode,
        BigDecimal subsidyRatio,
        Long perApplicationCapFen,
        Long annualCapFen,
        Long annualBudgetFen,
        @Size(max = 2) Set<RecipientType> eligibleRecipients,
        @Size(max = 50) Set<@Size(max = 64) String> localCategories,
        @Size(max = 12) List<@Valid Window> applicationWindows,
        Integer voucherValidityDays,
        Long autoApprovalThresholdFen,
        @Size(max = 200) Set<@Size(max = 6) String> pilotZones,
        Integer reapplyMinUsagePercent,
        @Valid Risk risk,
        @Size(max = 200) List<@Valid PoolEntry> pools) {

    /** {@code draw}: P6 allocation by lottery when the window closes, instead of first come, first served. */
    public record Window(@Size(max = 5) String from, @Size(max = 5) String to, Boolean draw) {}

    /** P13 thresholds of the risk screening rules; a missing one takes its default. */
    public record Risk(Integer splitPeriodDays, Integer concentrationPercent, Long concentrationMinIncomeFen) {}

    /** P10 a city's or district's pool. */
    public record PoolEntry(@Size(max = 6) String code, @Size(max = 100) String name, Long annualBudgetFen) {}

    /** The policy, or the list of what is missing or wrong, field by field. */
    public VoucherPolicy toPolicy(List<Violation> violations) {
        require(violations, "mode", mode);
        require(violations, "subsidyRatio", subsidyRatio);
        require(violations, "perApplicationCapFen", perApplicationCapFen);
        require(violations, "annualCapFen", annualCapFen);
        require(violations, "annualBudgetFen", annualBudgetFen);
        require(violations, "eligibleRecipients", eligibleRecipients);
        require(violations, "voucherValidityDays", voucherValidityDays);
        require(violations, "autoApprovalThresholdFen", autoApprovalThresholdFen);
        List<ApplicationWindow> windows = new ArrayList<>();
        if (applicationWindows != null) {
            for (int i = 0; i < applicationWindows.size(); i++) {
                Window w = applicationWindows.get(i);
                MonthDay from = monthDay(violations, "applicationWindows[" + i + "].from", w == null ? null : w.from());
                MonthDay to = monthDay(violations, "applicationWindows[" + i + "].to", w == null ? null : w.to());
                if (from != null && to != null) {
                    windows.add(new ApplicationWindow(from, to, Boolean.TRUE.equals(w.draw())));
                }
            }
        }
        if (!violations.isEmpty()) {
            return null;
        }
        VoucherPolicy policy = new VoucherPolicy(mode, subsidyRatio, perApplicationCapFen, annualCapFen, annualBudgetFen,
                eligibleRecipients, localCategories, windows, voucherValidityDays, autoApprovalThresholdFen,
                pilotZones, reapplyMinUsagePercent == null ? 0 : reapplyMinUsagePercent, riskThresholds(),
                pools == null ? List.of() : pools.stream().map(p -> p == null ? null
                        : new Pool(p.code(), p.name(), p.annualBudgetFen() == null ? 0 : p.annualBudgetFen())).toList());
        violations.addAll(policy.violations());
        return violations.isEmpty() ? policy : null;
    }

    public static PolicyDocument of(VoucherPolicy p) {
        return new PolicyDocument(p.mode(), p.subsidyRatio(), p.perApplicationCapFen(), p.annualCapFen(),
                p.annualBudgetFen(), p.eligibleRecipients(), p.localCategories(),
                p.applicationWindows().stream().map(w -> new Window(mmdd(w.from()), mmdd(w.to()), w.draw())).toList(),
                p.voucherValidityDays(), p.autoApprovalThresholdFen(), p.pilotZones(), p.reapplyMinUsagePercent(),
                new Risk(p.risk().splitPeriodDays(), p.risk().concentrationPercent(), p.risk().concentrationMinIncomeFen()),
                p.pools().stream().map(o -> new PoolEntry(o.code(), o.name(), o.annualBudgetFen())).toList());
    }

    private RiskThresholds riskThresholds() {
        RiskThresholds d = RiskThresholds.DEFAULT;
        if (risk == null) {
            return d;
        }
        return new RiskThresholds(risk.splitPeriodDays() == null ? d.splitPeriodDays() : risk.splitPeriodDays(),
                risk.concentrationPercent() == null ? d.concentrationPercent() : risk.concentrationPercent(),
                risk.concentrationMinIncomeFen() == null ? d.concentrationMinIncomeFen() : risk.concentrationMinIncomeFen());
    }

    private static String mmdd(MonthDay d) {
        return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    private static void require(List<Violation> v, String field, Object value) {
        if (value == null) {
            v.add(Violation.of(field, "required"));
        }
    }

    private static MonthDay monthDay(List<Violation> v, String field, String value) {
        if (value == null) {
            v.add(Violation.of(field, "required-month-day"));
            return null;
        }
        try {
            return MonthDay.parse("--" + value);
        } catch (DateTimeParseException e) {
            v.add(Violation.of(field, "not-month-day", value));
            return null;
        }
    }
}
