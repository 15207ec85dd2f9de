package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** One invoice, however it is typed, is one invoice (P3, P13). */
class DocumentNumbersTest {
    @Test
    void theSpellingsPeopleUseForOneInvoiceAreOne() {
        for (String typed : new String[] {"FP-77", "fp-77", " fp - 77 ", "ＦＰ－７７", "FP\u300077", "F\u200bP77", "fp_77",
                "FP.77", "FP–77", "FP—77", "FP\u221277", "fp/77", "\tFP77\n"}) {
            assertThat(DocumentNumbers.key(typed)).as(typed).isEqualTo("FP77");
        }
        assertThat(DocumentNumbers.key("FP-78")).isNotEqualTo(DocumentNumbers.key("FP-77"));
        assertThat(DocumentNumbers.key("发票-0012")).isEqualTo("发票0012");
    }

    @Property
    void separatorsCaseAndWidthNeverMakeAnotherNumber(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20)
                                                       String number, @ForAll("separators") String separator,
                                                       @ForAll("positions") int at) {
        int cut = Math.min(at, number.length());
        String typed = number.substring(0, cut).toLowerCase(Locale.ROOT) + separator + fullWidth(number.substring(cut));
        assertThat(DocumentNumbers.key(typed)).isEqualTo(number.toUpperCase(Locale.ROOT));
    }

    @Property
    void differentLettersOrDigitsStayDifferent(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String a,
                                               @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String b) {
        boolean same = a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
        assertThat(DocumentNumbers.key(a).equals(DocumentNumbers.key(b))).isEqualTo(same);
    }

    @Property
    void theKeyIsItsOwnKey(@ForAll String any) {
        String key = DocumentNumbers.key(any);
        assertThat(DocumentNumbers.key(key)).isEqualTo(key);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "-", "－", "　", "\u200b", "_", ".", "–", "—", "/", " - ", "\t", "").list()
                .ofMaxSize(3).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 20);
    }

    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return b.toString();
    }
}
