package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The YRD standard for providers (P5, P8, P13, P14), as the hub applies it for every province. */
class ProviderStandardTest {
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "TESTING_INSPECTION_CERTIFICATION", List.of("CMA", "CNAS"));
    private static final List<String> CATEGORIES = List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT",
            "TECHNOLOGY_TRANSFER");
    private static final ProviderStandard.QualityCriteria CRITERIA =
            new ProviderStandard.QualityCriteria(3, 2, new BigDecimal("4.50"), true);

    @Test
    void anAdmittedLabWithItsQualificationIsRecognisedForItsCategories() {
        var d = ProviderStandard.recognise(new ProviderStandard.Provider("ADMITTED", false,
                List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT"), Set.of("CMA")), REQUIRED);
        assertThat(d.recognised()).isTrue();
        assertThat(d.categories()).containsExactly("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT");
        assertThat(d.shortfalls()).isEmpty();
    }

    @Test
    void aLabWithoutItsQualificationKeepsItsOtherCategoriesOnly() {
        var d = ProviderStandard.recognise(new ProviderStandard.Provider("ADMITTED", false,
                List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT"), Set.of()), REQUIRED);
        assertThat(d.recognised()).isTrue();
        assertThat(d.categories()).containsExactly("RESEARCH_AND_DEVELOPMENT");
        assertThat(d.shortfalls()).containsExactly(Refusal.of("QUALIFICATION_MISSING", "P14",
                "TESTING_INSPECTION_CERTIFICATION", List.of("CMA", "CNAS")));
    }

    @Test
    void suspendedAtHomeAndListedIsNotRecognisedAndSaysBothInOrder() {
        var d = ProviderStandard.recognise(new ProviderStandard.Provider("SUSPENDED", true,
                List.of("TESTING_INSPECTION_CERTIFICATION"), Set.of()), REQUIRED);
        assertThat(d.recognised()).isFalse();
        assertThat(d.categories()).isEmpty();
        assertThat(d.shortfalls()).extracting(Refusal::code).containsExactly("NOT_IN_GOOD_STANDING", "LISTED",
                "QUALIFICATION_MISSING", "NO_CATEGORY");
        assertThat(d.shortfalls().get(0).args()).containsExactly("SUSPENDED");
    }

    @Property
    void recognisedExactlyWhenAdmittedUnlistedAndOneCategoryMeetsTheStandard(@ForAll("providers")
                                                                              ProviderStandard.Provider p) {
        var d = ProviderStandard.recognise(p, REQUIRED);
        boolean someCategoryMeets = p.categories().stream().anyMatch(c -> !REQUIRED.containsKey(c)
                || REQUIRED.get(c).stream().anyMatch(p.qualifications()::contains));
        assertThat(d.recognised()).isEqualTo("ADMITTED".equals(p.homeStatus()) && !p.listed() && someCategoryMeets);
        // a recognised provider has reasons only for the categories it lost; a refused one has at least one
        assertThat(d.recognised() || !d.shortfalls().isEmpty()).isTrue();
        assertThat(p.categories()).containsAll(d.categories());
        assertThat(d.recognised()).isEqualTo(!d.categories().isEmpty());
        for (Refusal r : d.shortfalls()) {
            assertThat(ProviderStandard.Shortfall.valueOf(r.code())).isNotNull();
            assertThat(r.rule()).isIn("P5", "P13", "P14");
        }
    }

    @Property
    void theQualityLibraryHoldsRecognisedProvidersOnly(@ForAll("standings") ProviderStandard.Standing s) {
        assertThat(ProviderStandard.inQualityLibrary(false, s, CRITERIA)).isFalse();
    }

    @Property
    void moreServicesRatingsOrProvincesNeverTakeAMemberOut(@ForAll("standings") ProviderStandard.Standing s,
                                                           @ForAll @IntRange(max = 5) int more) {
        var better = new ProviderStandard.Standing(s.services() + more, s.ratings() + more, s.averageRating(),
                s.otherProvincesServed() + more);
        if (ProviderStandard.inQualityLibrary(true, s, CRITERIA)) {
            assertThat(ProviderStandard.inQualityLibrary(true, better, CRITERIA)).isTrue();
        }
    }

    @Test
    void eachCriterionAloneKeepsAProviderOut() {
        var meets = new ProviderStandard.Standing(3, 2, new BigDecimal("4.50"), 1);
        assertThat(ProviderStandard.inQualityLibrary(true, meets, CRITERIA)).isTrue();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(2, 2, new BigDecimal("4.50"), 1),
                CRITERIA)).isFalse();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(3, 1, new BigDecimal("4.50"), 1),
                CRITERIA)).isFalse();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(3, 2, new BigDecimal("4.49"), 1),
                CRITERIA)).isFalse();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(3, 2, null, 1), CRITERIA)).isFalse();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(3, 2, new BigDecimal("4.50"), 0),
                CRITERIA)).isFalse();
        assertThat(ProviderStandard.inQualityLibrary(true, new ProviderStandard.Standing(3, 2, new BigDecimal("4.50"), 0),
                new ProviderStandard.QualityCriteria(3, 2, new BigDecimal("4.50"), false))).isTrue();
    }

    @Provide
    Arbitrary<ProviderStandard.Provider> providers() {
        return Combinators.combine(Arbitraries.of("ADMITTED", "SUSPENDED", "REVOKED", "PENDING"),
                Arbitraries.of(true, false), Arbitraries.of(CATEGORIES).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of("CMA", "CNAS", "ISO9001").set().ofMaxSize(3)).as(ProviderStandard.Provider::new);
    }

    @Provide
    Arbitrary<ProviderStandard.Standing> standings() {
        return Combinators.combine(Arbitraries.longs().between(0, 10), Arbitraries.longs().between(0, 10),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("5")).ofScale(2).injectNull(0.1),
                Arbitraries.longs().between(0, 3)).as(ProviderStandard.Standing::new);
    }
}
