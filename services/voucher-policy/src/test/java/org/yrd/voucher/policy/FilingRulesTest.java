package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.FilingRules.Facts;
import org.yrd.voucher.policy.FilingRules.Filing;
import org.yrd.voucher.policy.FilingRules.Local;
import org.yrd.voucher.policy.FilingRules.Recognised;
import org.yrd.voucher.policy.FilingRules.Unknown;
import org.yrd.voucher.policy.FilingRules.VoucherFacts;
import org.yrd.voucher.policy.RedemptionRules.Conflict;
import org.yrd.voucher.policy.RedemptionRules.Decision;
import org.yrd.voucher.policy.RedemptionRules.Declarations;
import org.yrd.voucher.policy.RedemptionRules.Granted;
import org.yrd.voucher.policy.RedemptionRules.Refused;
import org.yrd.voucher.policy.RedemptionRules.Trim;

class FilingRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Set<String> TESTING = Set.of("TESTING_INSPECTION_CERTIFICATION");
    static final Declarations CLEAN = new Declarations(false, false, false);
    final VoucherPolicy post = PolicyFixtures.shanghaiLike();

    static Filing filing(LocalDate completion, long requested, long actual) {
        return new Filing("E", "P", "FP-1", completion, "TESTING_INSPECTION_CERTIFICATION", CLEAN, requested, actual);
    }

    static VoucherFacts voucher(long available) {
        return new VoucherFacts(true, TODAY.minusDays(30), TODAY.plusDays(300), available);
    }

    static Facts clean(long available) {
        return new Facts(TODAY, false, false, new Local(true, "ADMITTED", TESTING), voucher(available), false);
    }

    static String refusal(Decision d) {
        return d instanceof Refused r ? r.refusal().code() + "/" + r.refusal().rule()
                : d instanceof Conflict c ? "conflict:" + c.refusal().code() : "granted";
    }

    @Test
    void aCleanFilingWithAnAdmittedLocalProviderIsGranted() {
        var d = FilingRules.evaluate(post, filing(TODAY, 100_000, 200_000), clean(1_000_000));
        assertThat(d).isEqualTo(new Granted(100_000, 100_000, RedemptionMode.Payee.ENTERPRISE));
    }

    @Test
    void aRecognisedProviderOfAnotherProvinceIsUsable() {
        var facts = new Facts(TODAY, false, false, new Recognised("ZJ", TESTING), voucher(1_000_000), false);
        assertThat(FilingRules.evaluate(post, filing(TODAY, 100_000, 200_000), facts)).isInstanceOf(Granted.class);
    }

    @Test
    void eachRefusalNamesItsRule() {
        var f = filing(TODAY, 100_000, 200_000);
        var v = voucher(1_000_000);
        var ok = new Local(true, "ADMITTED", TESTING);
        assertThat(refusal(FilingRules.evaluate(post, f, new Facts(TODAY, true, true, ok, v, true))))
                .isEqualTo("enterprise-negative-listed/P13");
        assertThat(refusal(FilingRules.evaluate(post, f, new Facts(TODAY, false, true, ok, v, true))))
                .isEqualTo("provider-negative-listed/P13");
        assertThat(refusal(FilingRules.evaluate(post, f,
                new Facts(TODAY, false, false, new Local(false, "SUSPENDED", TESTING), v, true))))
                .isEqualTo("provider-not-admitted/P5");
        assertThat(refusal(FilingRules.evaluate(post, f, new Facts(TODAY, false, false, new Unknown(), v, true))))
                .isEqualTo("provider-not-recognised/P14");
        var expired = new VoucherFacts(false, TODAY.minusDays(400), TODAY.minusDays(35), 1_000_000);
        assertThat(refusal(FilingRules.evaluate(post, f, new Facts(TODAY, false, false, ok, expired, true))))
                .isEqualTo("voucher-expired/P7");
        assertThat(refusal(FilingRules.evaluate(post, filing(TODAY.minusDays(31), 100_000, 200_000),
                new Facts(TODAY, false, false, ok, v, true)))).isEqualTo("completion-before-issue/P7");
        assertThat(refusal(FilingRules.evaluate(post, f, new Facts(TODAY, false, false, ok, v, true))))
                .isEqualTo("conflict:invoice-already-redeemed");
        assertThat(refusal(FilingRules.evaluate(post, new Filing("E", "P", "FP-1", TODAY, "RESEARCH_REAGENTS", CLEAN,
                100_000, 200_000), clean(1_000_000)))).isEqualTo("provider-not-admitted-for-category/P5");
    }

    @Provide
    Arbitrary<Facts> anyFacts() {
        var standing = Arbitraries.of(new Local(true, "ADMITTED", TESTING), new Local(false, "SUSPENDED", TESTING),
                new Recognised("AH", TESTING), new Unknown());
        var vouchers = Arbitraries.integers().between(-400, 400).flatMap(issuedOffset ->
                Arbitraries.integers().between(0, 800).flatMap(validity ->
                        Arbitraries.longs().between(0, 10_000_000).flatMap(available ->
                                Arbitraries.of(true, false).map(active -> new VoucherFacts(active,
                                        TODAY.plusDays(issuedOffset), TODAY.plusDays(issuedOffset + validity), available)))));
        return net.jqwik.api.Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), standing,
                vouchers, Arbitraries.of(true, false)).as((e, p, s, v, i) -> new Facts(TODAY, e, p, s, v, i));
    }

    @Property(tries = 3000)
    void aGrantIsOnlyEverGivenWhenEveryRuleHolds(@ForAll("anyFacts") Facts facts,
                                                 @ForAll @IntRange(min = -60, max = 0) int completionOffset,
                                                 @ForAll @LongRange(min = 1, max = 5_000_000) long requested,
                                                 @ForAll @LongRange(min = 1, max = 5_000_000) long actual) {
        var f = filing(TODAY.plusDays(completionOffset), requested, actual);
        Decision d = FilingRules.evaluate(post, f, facts);
        if (d instanceof Granted g) {
            assertThat(facts.enterpriseListed() || facts.providerListed()).isFalse(); // P13
            assertThat(facts.provider()).isNotInstanceOf(Unknown.class); // P14
            if (facts.provider() instanceof Local l) {
                assertThat(l.admitted()).isTrue(); // P5
            }
            assertThat(facts.voucher().validOn(TODAY)).isTrue(); // P7
            assertThat(f.completionDate()).isAfterOrEqualTo(facts.voucher().issuedOn()); // P7
            assertThat(facts.invoiceTaken()).isFalse();
            assertThat(g.voucherAmountFen()).isLessThanOrEqualTo(Math.min(actual, facts.voucher().availableFen())); // P6
        }
    }

    @Property(tries = 2000)
    void aTrimmedAmountSaysWhatTrimmedIt(@ForAll @LongRange(min = 1, max = Money.MAX_FEN) long requested,
                                         @ForAll @LongRange(min = 1, max = Money.MAX_FEN) long actual,
                                         @ForAll @LongRange(min = 0, max = Money.MAX_FEN) long available,
                                         @ForAll @BigRange(min = "0.0001", max = "1") @Scale(4) BigDecimal ratio) {
        var policy = PolicyFixtures.with(post, ratio);
        long amount = RedemptionRules.voucherAmount(policy, requested, actual, available);
        Trim trim = RedemptionRules.trimmedBy(policy, requested, actual, available);
        if (amount == requested) {
            assertThat(trim).isNull();
        } else if (trim == Trim.BALANCE) {
            assertThat(amount).isEqualTo(available);
        } else {
            assertThat(trim).isEqualTo(Trim.RATIO);
            assertThat(amount).isEqualTo(Money.share(actual, ratio));
        }
    }

    @Test
    void aListedPayeeIsNamedFirst() {
        assertThat(PaymentRules.refusal(new PaymentRules.Parties("E", true, "E", true, "P", true)))
                .map(Refusal::code).contains("payee-negative-listed");
        assertThat(PaymentRules.refusal(new PaymentRules.Parties("P", false, "E", true, "P", false)))
                .map(Refusal::code).contains("enterprise-negative-listed");
        assertThat(PaymentRules.refusal(new PaymentRules.Parties("E", false, "E", false, "P", true)))
                .map(Refusal::code).contains("provider-negative-listed");
        assertThat(PaymentRules.refusal(new PaymentRules.Parties("E", false, "E", false, "P", false))).isEmpty();
    }
}
