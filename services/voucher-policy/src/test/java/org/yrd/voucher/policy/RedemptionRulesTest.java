package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.RedemptionRules.Claim;
import org.yrd.voucher.policy.RedemptionRules.Declarations;
import org.yrd.voucher.policy.RedemptionRules.Granted;
import org.yrd.voucher.policy.RedemptionRules.Refused;

class RedemptionRulesTest {
    static final Declarations CLEAN = new Declarations(false, false, false);
    static final Set<String> TESTING = Set.of("TESTING_INSPECTION_CERTIFICATION");
    final VoucherPolicy post = PolicyFixtures.shanghaiLike();

    static Claim claim(Declarations d, long requested, long actual) {
        return new Claim("TESTING_INSPECTION_CERTIFICATION", TESTING, d, requested, actual);
    }

    String refusal(VoucherPolicy p, Claim c, long available) {
        var d = RedemptionRules.evaluate(p, c, available);
        assertThat(d).isInstanceOf(Refused.class);
        return ((Refused) d).refusal().code() + "/" + ((Refused) d).refusal().rule();
    }

    @Test
    void paysTheSubsidyShareAndLeavesTheRestToTheEnterprise() {
        var d = RedemptionRules.evaluate(post, claim(CLEAN, 1_000_000, 1_000_000), 5_000_000);
        assertThat(d).isEqualTo(new Granted(500_000, 500_000, RedemptionMode.Payee.ENTERPRISE));
    }

    @Test
    void paysTheProviderInPreSubsidyMode() {
        var pre = new VoucherPolicy(RedemptionMode.PRE_SUBSIDY, new BigDecimal("0.3"), post.perApplicationCapFen(),
                post.annualCapFen(), post.annualBudgetFen(), post.eligibleRecipients(), Set.of(), post.applicationWindows(),
                365, 0, Set.of(), 0);
        var d = (Granted) RedemptionRules.evaluate(pre, claim(CLEAN, 1_000_000, 1_000_000), 5_000_000);
        assertThat(d.payee()).isEqualTo(RedemptionMode.Payee.PROVIDER);
        assertThat(d.voucherAmountFen()).isEqualTo(300_000);
    }

    @Test
    void neverPaysMoreThanTheVoucherHolds() {
        var d = (Granted) RedemptionRules.evaluate(post, claim(CLEAN, 1_000_000, 1_000_000), 123_456);
        assertThat(d.voucherAmountFen()).isEqualTo(123_456);
        assertThat(d.enterpriseShareFen()).isEqualTo(1_000_000 - 123_456);
    }

    @Test
    void roundsTheSubsidyDownToTheFen() {
        var d = (Granted) RedemptionRules.evaluate(post, claim(CLEAN, 1_000, 333), 5_000);
        assertThat(d.voucherAmountFen()).isEqualTo(166);
    }

    @Test
    void refusesEachP3Exclusion() {
        assertThat(refusal(post, claim(new Declarations(true, false, false), 100, 100), 1000))
                .isEqualTo("excluded-patent-application/P3");
        assertThat(refusal(post, claim(new Declarations(false, true, false), 100, 100), 1000))
                .isEqualTo("excluded-statutory-testing/P3");
        assertThat(refusal(post, claim(new Declarations(false, false, true), 100, 100), 1000))
                .isEqualTo("excluded-other-public-funding/P3");
    }

    @Test
    void refusesCategoriesOutsideThePolicyOrTheProvidersAdmission() {
        assertThat(refusal(post, new Claim("YACHT_RENTAL", Set.of("YACHT_RENTAL"), CLEAN, 100, 100), 1000))
                .isEqualTo("category-not-in-scope/P2");
        assertThat(refusal(post, new Claim("SCI_TECH_FINANCE", TESTING, CLEAN, 100, 100), 1000))
                .isEqualTo("provider-not-admitted-for-category/P5");
        assertThat(RedemptionRules.evaluate(post, new Claim("INDUSTRIAL_DESIGN", Set.of("INDUSTRIAL_DESIGN"),
                CLEAN, 100, 100), 1000)).isInstanceOf(Granted.class);
    }

    @Test
    void refusesAnEmptyVoucherAndEmptyClaims() {
        assertThat(refusal(post, claim(CLEAN, 100, 100), 0)).isEqualTo("voucher-exhausted/P6");
        assertThat(refusal(post, claim(CLEAN, 0, 100), 10)).isEqualTo("amount-not-positive/P6");
        assertThat(refusal(post, claim(CLEAN, 10, 1), 10)).isEqualTo("nothing-payable/P6");
    }

    @Property(tries = 2000)
    void neverAboveActualExpenditureBalanceOrRequest(
            @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long requested,
            @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long actual,
            @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long available,
            @ForAll @BigRange(min = "0.0001", max = "1") @Scale(4) BigDecimal ratio) {
        long amount = RedemptionRules.voucherAmount(PolicyFixtures.with(post, ratio), requested, actual, available);
        assertThat(amount).isBetween(0L, actual); // P6: never above actual expenditure
        assertThat(amount).isLessThanOrEqualTo(available);
        assertThat(amount).isLessThanOrEqualTo(requested);
    }

    @Property(tries = 2000)
    void roundingNeverFavoursTheClaimant(
            @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long actual,
            @ForAll @BigRange(min = "0", max = "1") @Scale(4) BigDecimal ratio) {
        long share = Money.share(actual, ratio);
        BigDecimal exact = BigDecimal.valueOf(actual).multiply(ratio);
        assertThat(BigDecimal.valueOf(share)).isLessThanOrEqualTo(exact);
        assertThat(BigDecimal.valueOf(share + 1)).isGreaterThan(exact);
    }

    @Property(tries = 1000)
    void grantedAmountsSplitTheExpenditureExactly(
            @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long requested,
            @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long actual,
            @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long available) {
        var d = RedemptionRules.evaluate(post, claim(CLEAN, requested, actual), available);
        if (d instanceof Granted g) {
            assertThat(g.voucherAmountFen() + g.enterpriseShareFen()).isEqualTo(actual);
            assertThat(g.voucherAmountFen()).isPositive();
        } else {
            assertThat(((Refused) d).refusal().code()).isEqualTo("nothing-payable");
        }
    }

    @Property(tries = 1000)
    void annualCapIsNeverExceeded(
            @ForAll @LongRange(min = 0, max = 40_000_000) long issuedThisYear,
            @ForAll @LongRange(min = 1, max = 20_000_000) long requested) {
        var a = new ApplicationRules.Applicant(RecipientType.TECH_SME, "310115", false, issuedThisYear, 0, 0,
                Money.MAX_FEN);
        var d = ApplicationRules.evaluate(post, a, requested, java.time.LocalDate.of(2026, 5, 1));
        if (d instanceof ApplicationRules.Accepted) {
            assertThat(issuedThisYear + requested).isLessThanOrEqualTo(post.annualCapFen());
            assertThat(requested).isLessThanOrEqualTo(post.perApplicationCapFen());
        }
    }

    /** The cases the node console's form preview (rules.js) is held to as well: one file, two languages. */
    @Test
    void theSharedP6CasesHold() throws Exception {
        var lines = new String(RedemptionRulesTest.class.getResourceAsStream("p6-amounts.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("ratio")).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String[] f = line.split(",");
            long amount = RedemptionRules.voucherAmount(PolicyFixtures.with(post, new BigDecimal(f[0])),
                    Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            assertThat(amount).as(line).isEqualTo(Long.parseLong(f[4]));
        }
    }
}
