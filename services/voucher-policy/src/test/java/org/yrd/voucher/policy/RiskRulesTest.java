package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.RiskRules.Facts;
import org.yrd.voucher.policy.RiskRules.Prior;
import org.yrd.voucher.policy.RiskRules.Rule;
import org.yrd.voucher.policy.RiskRules.Trait;

class RiskRulesTest {
    private final VoucherPolicy policy = PolicyFixtures.shanghaiLike(); // auto-approval up to 20,000 yuan

    private List<Rule> rules(Facts f) {
        return RiskRules.screen(policy, f).stream().map(RiskRules.Flag::rule).toList();
    }

    private static Facts clean(long amount) {
        return new Facts(amount, List.of(), Set.of(), false, amount, amount / 10);
    }

    @Test
    void aSingleFilingUnderTheThresholdRaisesNothing() {
        assertThat(rules(clean(Money.yuan(15_000)))).isEmpty();
    }

    @Test
    void flagsFilingsOfOnePairThatEachStayUnderTheThresholdButTogetherGoAbove() {
        var f = new Facts(Money.yuan(12_000), List.of(new Prior("r-1", Money.yuan(9_000))), Set.of(), false,
                Money.yuan(21_000), Money.yuan(2_000));
        var flags = RiskRules.screen(policy, f);
        assertThat(flags).extracting(RiskRules.Flag::rule).containsExactly(Rule.SPLIT_PURCHASE);
        assertThat(flags.get(0).evidence()).containsEntry("sumFen", Money.yuan(21_000))
                .containsEntry("thresholdFen", Money.yuan(20_000)).containsEntry("earlier", List.of("r-1"));
    }

    @Test
    void splitNeedsTheSumAboveTheThresholdAndEveryPartUnderIt() {
        var under = new Facts(Money.yuan(10_000), List.of(new Prior("r-1", Money.yuan(10_000))), Set.of(), false, 0, 0);
        assertThat(rules(under)).isEmpty(); // exactly the threshold: one auto-approvable purchase's worth
        var onePartAbove = new Facts(Money.yuan(5_000), List.of(new Prior("r-1", Money.yuan(25_000))), Set.of(), false,
                0, 0);
        assertThat(rules(onePartAbove)).isEmpty(); // that part went to an operator anyway
    }

    @Test
    void flagsSharedTraitsOrADeclaredRelation() {
        var shared = new Facts(100, List.of(), Set.of(Trait.CONTACT_PHONE), false, 100, 10);
        assertThat(RiskRules.screen(policy, shared).get(0).evidence()).containsEntry("sharedTraits", List.of("CONTACT_PHONE"));
        assertThat(rules(new Facts(100, List.of(), Set.of(), true, 100, 10))).containsExactly(Rule.RELATED_PARTY);
    }

    @Test
    void flagsAProviderLivingOffOneGroupOnceItsIncomeIsLargeEnough() {
        long min = policy.risk().concentrationMinIncomeFen();
        assertThat(rules(new Facts(100, List.of(), Set.of(), false, min, min * 60 / 100))).containsExactly(Rule.CONCENTRATION);
        assertThat(rules(new Facts(100, List.of(), Set.of(), false, min, min * 59 / 100))).isEmpty();
        assertThat(rules(new Facts(100, List.of(), Set.of(), false, min - 1, min - 1))).isEmpty();
    }
}
