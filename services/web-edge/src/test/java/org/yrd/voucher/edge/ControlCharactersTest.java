package org.yrd.voucher.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.Violation;

/** No control character reaches a feature: what the edge finds, and how a JSON body's is refused (issue: NUL → 500). */
class ControlCharactersTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper EDGE = new ObjectMapper();

    static {
        new ControlCharacters().customize(EDGE);
    }

    record Form(String invoiceNo, List<String> lines) {}

    @Property
    void aValueHoldsAControlCharacterExactlyWhenOneOfItsCharactersIsC0OrDel(@ForAll("generated") String s) {
        assertThat(ControlCharacters.present(s, false)).isEqualTo(s.chars().anyMatch(c -> c < 0x20 || c == 0x7f));
        // free text may have tabs and lines, nothing else
        assertThat(ControlCharacters.present(s, true)).isEqualTo(s.chars()
                .anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f));
    }

    @Property
    void aJsonStringWithAControlCharacterIsRefusedNamingItsField(@ForAll("generated") String value) throws Exception {
        String json = "{\"invoiceNo\":" + PLAIN.writeValueAsString(value) + "}";
        if (ControlCharacters.present(value, true)) {
            JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> EDGE.readValue(json, Form.class));
            assertThat(ProblemMapper.jsonViolations(e)).containsExactly(Violation.of("invoiceNo", "control-character"));
        } else {
            assertThat(EDGE.readValue(json, Form.class).invoiceNo()).isEqualTo(value);
        }
    }

    @Test
    void theFieldOfAStringInAListIsNamedWithItsIndex() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> EDGE.readValue("{\"lines\":[\"第一行\\n第二行\",\"a\\u0000b\"]}", Form.class));
        assertThat(ProblemMapper.jsonViolations(e)).containsExactly(Violation.of("lines[1]", "control-character"));
    }

    @Test
    void theRefusalReadsInTheCallersLanguage() {
        var problem = ProblemMapper.body(ProblemException.invalid("invoiceNo", "control-character"), Messages.locale("en"));
        assertThat(problem.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("invoiceNo");
            assertThat(v.message()).contains("control character");
        });
        assertThat(ProblemMapper.body(ProblemException.invalid("invoiceNo", "control-character"), Messages.locale((String) null))
                .violations().get(0).message()).contains("控制字符");
    }

    /** Every C0 control, DEL and the characters around them, in Latin, CJK and full-width text. */
    @Provide
    Arbitrary<String> generated() {
        return Arbitraries.strings().withCharRange('\u0000', '\u0080').withChars("上海ＦＰ－７７\u200b\u3000")
                .ofMaxLength(24);
    }
}
