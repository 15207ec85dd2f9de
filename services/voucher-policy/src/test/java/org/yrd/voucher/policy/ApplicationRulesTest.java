package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.ApplicationRules.Accepted;
import org.yrd.voucher.policy.ApplicationRules.Applicant;
import org.yrd.voucher.policy.ApplicationRules.Refused;

class ApplicationRulesTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 15);
    final VoucherPolicy policy = PolicyFixtures.shanghaiLike();

    static Applicant sme() {
        return new Applicant(RecipientType.TECH_SME, "310115", false, 0, 0, 0, Money.yuan(1_000_000));
    }

    String refusalCode(VoucherPolicy p, Applicant a, long fen) {
        var d = ApplicationRules.evaluate(p, a, fen, DAY);
        assertThat(d).isInstanceOf(Refused.class);
        return ((Refused) d).refusal().code();
    }

    @Test
    void approvesSmallApplicationsAutomaticallyAndLargeOnesByOperator() {
        assertThat(ApplicationRules.evaluate(policy, sme(), Money.yuan(20_000), DAY)).isEqualTo(new Accepted(true));
        assertThat(ApplicationRules.evaluate(policy, sme(), Money.yuan(20_000) + 1, DAY)).isEqualTo(new Accepted(false));
    }

    @Test
    void refusesAboveThePerApplicationCap() {
        assertThat(refusalCode(policy, sme(), Money.yuan(100_000) + 1)).isEqualTo("per-application-cap-exceeded");
    }

    @Test
    void refusesAboveTheAnnualCapCountingWhatWasIssuedThisYear() {
        var a = new Applicant(RecipientType.TECH_SME, "310115", false, Money.yuan(250_000), 0, 0, Money.yuan(1_000_000));
        assertThat(ApplicationRules.evaluate(policy, a, Money.yuan(50_000), DAY)).isInstanceOf(Accepted.class);
        assertThat(refusalCode(policy, a, Money.yuan(50_000) + 1)).isEqualTo("annual-cap-exceeded");
    }

    @Test
    void refusesBeyondTheRemainingBudget() {
        var a = new Applicant(RecipientType.TECH_SME, "310115", false, 0, 0, 0, Money.yuan(10));
        var d = (Refused) ApplicationRules.evaluate(policy, a, Money.yuan(10) + 1, DAY);
        assertThat(d.refusal().code()).isEqualTo("budget-exhausted");
        assertThat(d.refusal().rule()).isEqualTo("P6");
    }

    @Test
    void refusesNegativeListedApplicantsUnderP13() {
        var a = new Applicant(RecipientType.TECH_SME, "310115", true, 0, 0, 0, Money.yuan(1_000_000));
        var d = (Refused) ApplicationRules.evaluate(policy, a, 100, DAY);
        assertThat(d.refusal().rule()).isEqualTo("P13");
    }

    @Test
    void refusesRecipientTypesThePolicyDoesNotAdmit() {
        var smeOnly = new VoucherPolicy(policy.mode(), policy.subsidyRatio(), policy.perApplicationCapFen(),
                policy.annualCapFen(), policy.annualBudgetFen(), Set.of(RecipientType.TECH_SME), Set.of(), List.of(),
                365, 0, Set.of(), 0);
        var team = new Applicant(RecipientType.STARTUP_TEAM, "310115", false, 0, 0, 0, Money.yuan(1_000_000));
        assertThat(refusalCode(smeOnly, team, 100)).isEqualTo("recipient-not-eligible");
    }

    @Test
    void admitsOnlyPilotZonesWhenTheyAreSet() {
        var pilot = new VoucherPolicy(policy.mode(), policy.subsidyRatio(), policy.perApplicationCapFen(),
                policy.annualCapFen(), policy.annualBudgetFen(), policy.eligibleRecipients(), Set.of(), List.of(),
                365, 0, Set.of("3401", "340521"), 0);
        var hefei = new Applicant(RecipientType.TECH_SME, "340104", false, 0, 0, 0, Money.yuan(1_000_000));
        var wuhu = new Applicant(RecipientType.TECH_SME, "340202", false, 0, 0, 0, Money.yuan(1_000_000));
        var dangtu = new Applicant(RecipientType.TECH_SME, "340521", false, 0, 0, 0, Money.yuan(1_000_000));
        assertThat(ApplicationRules.evaluate(pilot, hefei, 100, DAY)).isInstanceOf(Accepted.class);
        assertThat(ApplicationRules.evaluate(pilot, dangtu, 100, DAY)).isInstanceOf(Accepted.class);
        assertThat(refusalCode(pilot, wuhu, 100)).isEqualTo("outside-pilot-zone");
    }

    @Test
    void refusesOutsideTheApplicationWindows() {
        var windows = new VoucherPolicy(policy.mode(), policy.subsidyRatio(), policy.perApplicationCapFen(),
                policy.annualCapFen(), policy.annualBudgetFen(), policy.eligibleRecipients(), Set.of(),
                List.of(new ApplicationWindow(MonthDay.of(3, 1), MonthDay.of(4, 14)),
                        new ApplicationWindow(MonthDay.of(11, 1), MonthDay.of(1, 31))), 365, 0, Set.of(), 0);
        assertThat(refusalCode(windows, sme(), 100)).isEqualTo("application-window-closed");
        assertThat(ApplicationRules.evaluate(windows, sme(), 100, LocalDate.of(2026, 4, 14))).isInstanceOf(Accepted.class);
        assertThat(ApplicationRules.evaluate(windows, sme(), 100, LocalDate.of(2027, 1, 5))).isInstanceOf(Accepted.class);
    }

    @Test
    void asksForEightyPercentUseBeforeANewApplication() {
        var used79 = new Applicant(RecipientType.TECH_SME, "310115", false, 0, 10_000, 7_999, Money.yuan(1_000_000));
        var used80 = new Applicant(RecipientType.TECH_SME, "310115", false, 0, 10_000, 8_000, Money.yuan(1_000_000));
        assertThat(refusalCode(policy, used79, 100)).isEqualTo("previous-vouchers-underused");
        assertThat(ApplicationRules.evaluate(policy, used80, 100, DAY)).isInstanceOf(Accepted.class);
    }

    @Test
    void refusesZeroAndNegativeAmounts() {
        assertThat(refusalCode(policy, sme(), 0)).isEqualTo("amount-not-positive");
        assertThat(refusalCode(policy, sme(), -5)).isEqualTo("amount-not-positive");
    }

    @Test
    void policyWithoutTechSmesIsInvalid() {
        var p = new VoucherPolicy(RedemptionMode.PRE_SUBSIDY, new BigDecimal("1.2"), 10, 5, 0,
                Set.of(RecipientType.STARTUP_TEAM), Set.of("bad code"), List.of(), 0, -1, Set.of("3x"), 101);
        assertThat(p.violations()).extracting(Violation::field).contains("subsidyRatio", "annualCapFen",
                "annualBudgetFen", "autoApprovalThresholdFen", "eligibleRecipients", "localCategories",
                "voucherValidityDays", "pilotZones", "reapplyMinUsagePercent");
        assertThat(PolicyFixtures.shanghaiLike().violations()).isEmpty();
    }

    @Test
    void commonCategoriesCannotBeRemoved() {
        assertThat(policy.categories()).containsAll(Categories.COMMON).contains("INDUSTRIAL_DESIGN");
        assertThat(Categories.COMMON).hasSize(13);
    }

    @Test
    void poolsMustFitInsideTheLevelAboveThem() {
        var p = PolicyFixtures.shanghaiLike();
        java.util.function.Function<List<Pool>, VoucherPolicy> with = pools -> new VoucherPolicy(p.mode(),
                p.subsidyRatio(), p.perApplicationCapFen(), p.annualCapFen(), Money.yuan(1_000), p.eligibleRecipients(),
                p.localCategories(), p.applicationWindows(), p.voucherValidityDays(), p.autoApprovalThresholdFen(),
                p.pilotZones(), p.reapplyMinUsagePercent(), RiskThresholds.DEFAULT, pools);
        var hefei = new Pool("3401", "合肥市", Money.yuan(600));
        assertThat(with.apply(List.of(hefei, new Pool("340104", "蜀山区", Money.yuan(600)))).violations()).isEmpty();
        assertThat(with.apply(List.of(hefei, new Pool("340104", "蜀山区", Money.yuan(601)))).violations())
                .extracting(Violation::code).containsExactly("policy-pools-above-parent");
        assertThat(with.apply(List.of(hefei, new Pool("3402", "芜湖市", Money.yuan(401)))).violations())
                .extracting(Violation::code).containsExactly("policy-pools-above-parent");
        assertThat(with.apply(List.of(new Pool("34", "x", 1), new Pool("3401", "合肥市", 1), new Pool("3401", "合肥", 1)))
                .violations()).extracting(Violation::code).containsExactly("policy-pool-code", "policy-pool-duplicate");
        var pooled = with.apply(List.of(hefei, new Pool("340104", "蜀山区", Money.yuan(100))));
        assertThat(pooled.poolsFor("340104")).extracting(Pool::code).containsExactly("3401", "340104");
        assertThat(pooled.poolsFor("340111")).extracting(Pool::code).containsExactly("3401");
        assertThat(pooled.poolsFor("340202")).isEmpty();
    }
}
