package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.CrossRegionRules.InvoiceUse;
import org.yrd.voucher.policy.CrossRegionRules.Recognition;
import org.yrd.voucher.policy.RiskRules.ContractClaim;

/** What the hub decides across provinces (P7, P13, P14): the invoice and contract duplicates, recognition. */
class CrossRegionRulesTest {
    private static final String TIC = "TESTING_INSPECTION_CERTIFICATION";
    private static final Recognition SH_LAB = new Recognition(true, "SH", Set.of(TIC));

    @Test
    void aRecognisedProviderWithAFreshInvoiceIsRouted() {
        assertThat(CrossRegionRules.decide("r1", "SH", TIC, List.of(), SH_LAB)).isInstanceOf(CrossRegionRules.Route.class);
    }

    @Test
    void anInvoiceLiveUnderAnotherRedemptionIsRefusedBeforeRecognitionIsAsked() {
        var d = CrossRegionRules.decide("r1", "SH", TIC, List.of(new InvoiceUse("r0", true)), Recognition.UNKNOWN);
        assertThat(d).isEqualTo(new CrossRegionRules.Refuse(Refusal.of("invoice-already-redeemed", "P7")));
    }

    @Test
    void anInvoiceWhoseEarlierRedemptionEndedUnpaidMayBeUsedAgain() {
        var d = CrossRegionRules.decide("r1", "SH", TIC, List.of(new InvoiceUse("r0", false)), SH_LAB);
        assertThat(d).isInstanceOf(CrossRegionRules.Route.class);
    }

    @Test
    void aProviderUnknownElsewhereOrForAnotherCategoryIsNotRecognised() {
        var refused = new CrossRegionRules.Refuse(Refusal.of("provider-not-recognised", "P14", TIC));
        assertThat(CrossRegionRules.decide("r1", "SH", TIC, List.of(), Recognition.UNKNOWN)).isEqualTo(refused);
        assertThat(CrossRegionRules.decide("r1", "ZJ", TIC, List.of(), SH_LAB)).isEqualTo(refused); // another home
        assertThat(CrossRegionRules.decide("r1", "SH", TIC, List.of(), new Recognition(false, "SH", Set.of(TIC))))
                .isEqualTo(refused); // withdrawn
        assertThat(CrossRegionRules.decide("r1", "SH", "RESEARCH_AND_DEVELOPMENT", List.of(), SH_LAB))
                .isEqualTo(new CrossRegionRules.Refuse(Refusal.of("provider-not-recognised", "P14",
                        "RESEARCH_AND_DEVELOPMENT")));
    }

    @Test
    void aRequestItsNodeAlreadyEndedIsNotRoutedAgain() {
        assertThat(CrossRegionRules.decide("r1", "SH", TIC, List.of(new InvoiceUse("r1", false)), SH_LAB))
                .isInstanceOf(CrossRegionRules.AlreadyEnded.class);
        assertThat(CrossRegionRules.decide("r1", "SH", TIC, List.of(new InvoiceUse("r1", true)), SH_LAB))
                .isInstanceOf(CrossRegionRules.Route.class); // the same request again: passed on again, harmless
    }

    /** P7 for any history of an invoice: routed only if no other redemption holds it live. */
    @Property
    void anInvoiceIsNeverRoutedWhileAnotherRedemptionHoldsIt(@ForAll("uses") List<InvoiceUse> uses) {
        var d = CrossRegionRules.decide("r1", "SH", TIC, uses, SH_LAB);
        boolean heldElsewhere = uses.stream().anyMatch(u -> u.live() && !u.redemptionId().equals("r1"));
        assertThat(d instanceof CrossRegionRules.Refuse).isEqualTo(heldElsewhere);
        if (d instanceof CrossRegionRules.Route) {
            assertThat(uses).noneMatch(u -> u.redemptionId().equals("r1") && !u.live());
        }
    }

    @Provide
    Arbitrary<List<InvoiceUse>> uses() {
        return Combinators.combine(Arbitraries.of("r0", "r1", "r2"), Arbitraries.of(true, false))
                .as(InvoiceUse::new).list().ofMaxSize(4)
                .filter(l -> l.stream().map(InvoiceUse::redemptionId).distinct().count() == l.size());
    }

    private static ContractClaim claim(String province, String id, String contract, long fen, String invoice,
                                       boolean live, int day) {
        return new ContractClaim(province, id, "91310000LAB00001XX", contract, fen, invoice, live,
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * day));
    }

    @Test
    void theSameContractAndAmountUnderAnotherInvoiceIsFlaggedWithTheEarliestClaimAsEvidence() {
        var filed = claim("ZJ", "z", "c", 2_000_000, "i-z", true, 9);
        var flag = RiskRules.contractDuplicate(filed, List.of(
                claim("AH", "a", "c", 2_000_000, "i-a", true, 5),
                claim("SH", "s", "c", 2_000_000, "i-s", true, 2),
                filed));
        assertThat(flag).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RiskRules.Rule.CONTRACT_DUPLICATE);
            assertThat(f.evidence()).containsEntry("otherProvince", "SH").containsEntry("otherRedemptionId", "s")
                    .containsEntry("actualExpenditureFen", 2_000_000L);
        });
    }

    @Test
    void anotherAmountTheSameInvoiceOrAnEndedClaimIsNoContractDuplicate() {
        var filed = claim("ZJ", "z", "c", 2_000_000, "i-z", true, 9);
        assertThat(RiskRules.contractDuplicate(filed, List.of(
                claim("SH", "s1", "c", 1_999_999, "i-1", true, 1),   // another amount
                claim("SH", "s2", "c", 2_000_000, "i-z", true, 1),   // the same invoice: the invoice rule's business
                claim("SH", "s3", "c", 2_000_000, "i-3", false, 1),  // ended unpaid
                claim("SH", "s4", "d", 2_000_000, "i-4", true, 1),   // another contract
                filed))).isEmpty();
    }

    /** Whatever else is held, a flag always names a live claim of another redemption on the same contract. */
    @Property
    void aFlagAlwaysNamesAnotherLiveClaimOnTheSameContract(@ForAll("claims") List<ContractClaim> others) {
        var filed = claim("ZJ", "z", "c", 100, "i-z", true, 9);
        List<ContractClaim> all = new ArrayList<>(others);
        all.add(filed);
        var flag = RiskRules.contractDuplicate(filed, all);
        boolean expected = others.stream().anyMatch(o -> o.live() && o.contractHash().equals("c")
                && o.actualExpenditureFen() == 100 && !o.invoiceHash().equals("i-z"));
        assertThat(flag.isPresent()).isEqualTo(expected);
        flag.ifPresent(f -> assertThat(others).anyMatch(o -> o.redemptionId().equals(f.evidence().get("otherRedemptionId"))
                && o.live() && o.contractHash().equals("c")));
    }

    @Provide
    Arbitrary<List<ContractClaim>> claims() {
        Arbitrary<ContractClaim> one = Combinators.combine(Arbitraries.of("SH", "JS", "AH"),
                        Arbitraries.strings().alpha().ofLength(6), Arbitraries.of("c", "d"), Arbitraries.of(99L, 100L),
                        Arbitraries.of("i-z", "i-1", "i-2"), Arbitraries.of(true, false), Arbitraries.integers().between(0, 30))
                .as((p, id, c, fen, inv, live, day) -> claim(p, id, c, fen, inv, live, day));
        return one.list().ofMaxSize(6);
    }
}
