package org.yrd.voucher.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.Violation;

/** Query parameters: whatever text arrives, the answer is the value or a 400 naming the parameter and its rule. */
class ParamsTest {
    enum Status { FILED, PAID }

    @Property
    void aPageIsInItsBoundsOrA400NamingLimitOrOffset(@ForAll("numbersOrNot") String limit,
                                                     @ForAll("numbersOrNot") String offset) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Paging.of(limit, offset));
        if (refused == null) {
            Paging page = Paging.of(limit, offset);
            assertThat(page.limit()).isBetween(1, Paging.MAX_LIMIT);
            assertThat(page.offset()).isBetween(0, Integer.MAX_VALUE - Paging.MAX_LIMIT);
            assertThat(page.last()).isGreaterThanOrEqualTo(page.offset());
        } else {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isIn("limit", "offset");
                assertThat(v.code()).isEqualTo("whole-number");
            });
        }
    }

    @Test
    void absentMeansTheDefaultPage() {
        assertThat(Paging.of(null, " ")).isEqualTo(new Paging(Paging.DEFAULT_LIMIT, 0));
        assertThat(Paging.of(" 20 ", "40")).isEqualTo(new Paging(20, 40));
        assertThat(catchThrowableOfType(ProblemException.class, () -> Paging.of("501", null)).violations())
                .containsExactly(Violation.of("limit", "whole-number", 1, Paging.MAX_LIMIT));
    }

    @Test
    void anEnumDateOrTextOutsideItsRuleIsNamed() {
        assertThat(Params.oneOf("status", "PAID", Status.class)).isEqualTo(Status.PAID);
        assertThat(Params.oneOf("status", "", Status.class)).isNull();
        assertThat(catchThrowableOfType(ProblemException.class, () -> Params.oneOf("status", "paid", Status.class))
                .violations()).containsExactly(Violation.of("status", "one-of", "[FILED, PAID]"));
        assertThat(catchThrowableOfType(ProblemException.class, () -> Params.date("from", "2026-13-01")).violations())
                .containsExactly(Violation.of("from", "date"));
        assertThat(catchThrowableOfType(ProblemException.class, () -> Params.text("q", "x".repeat(101), 100))
                .violations()).containsExactly(Violation.of("q", "max-length", 100));
    }

    @Property
    void aPathIdOrUsccIsWellFormedOrA400NamingIt(@ForAll("numbersOrNot") String text) {
        ProblemException uuid = catchThrowableOfType(ProblemException.class, () -> IdParam.uuid("id", text));
        assertThat(uuid).isNotNull(); // nothing a number generator makes is a UUID
        assertThat(uuid.violations()).containsExactly(Violation.of("id", "uuid"));
        ProblemException uscc = catchThrowableOfType(ProblemException.class, () -> UsccParam.require("uscc", text));
        assertThat(uscc.violations()).containsExactly(Violation.of("uscc", "uscc"));
    }

    @Test
    void aYearIsABudgetYearOrAbsent() {
        assertThat(Params.year("year", null)).isNull();
        assertThat(Params.year("year", "2026")).isEqualTo(2026);
        assertThat(catchThrowableOfType(ProblemException.class, () -> Params.year("year", "1999")).violations())
                .containsExactly(Violation.of("year", "whole-number", 2000, 2100));
        assertThat(IdParam.uuid("id", "0f8fad5b-d9cb-469f-a165-70867728950e")).hasToString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(UsccParam.require("uscc", "91310000MA1FL4C2XK")).isEqualTo("91310000MA1FL4C2XK");
    }

    @Provide
    Arbitrary<String> numbersOrNot() {
        return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.integers().between(-2, 600).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(12).injectNull(0.3),
                Arbitraries.longs().map(n -> n + "0"), Arbitraries.of("1e3", "0x10", "１０", " 7 ", "+5", "-0"));
    }
}
