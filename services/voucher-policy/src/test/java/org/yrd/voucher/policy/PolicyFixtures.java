package org.yrd.voucher.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

final class PolicyFixtures {
    private PolicyFixtures() {}

    /** Post-subsidy at 50 %, 100,000 yuan a claim, 300,000 a year. */
    static VoucherPolicy shanghaiLike() {
        return new VoucherPolicy(RedemptionMode.POST_SUBSIDY, new BigDecimal("0.50"),
                Money.yuan(100_000), Money.yuan(300_000), Money.yuan(50_000_000),
                Set.of(RecipientType.TECH_SME, RecipientType.STARTUP_TEAM), Set.of("INDUSTRIAL_DESIGN"),
                List.of(), 365, Money.yuan(20_000), Set.of(), 80);
    }

    static VoucherPolicy with(VoucherPolicy p, BigDecimal ratio) {
        return new VoucherPolicy(p.mode(), ratio, p.perApplicationCapFen(), p.annualCapFen(), p.annualBudgetFen(),
                p.eligibleRecipients(), p.localCategories(), p.applicationWindows(), p.voucherValidityDays(),
                p.autoApprovalThresholdFen(), p.pilotZones(), p.reapplyMinUsagePercent());
    }
}
