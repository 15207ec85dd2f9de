package org.yrd.voucher.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** What a record must be before anything of it is applied, for any text a party could put on a topic. */
class EventCheckTest {
    static final String USCC = "91310104DEM000011H";

    static CloudEvent usage(Object data) {
        return EventCodec.envelope(CloudEvent.nodeSource("SH"), EventTypes.VOUCHER_ISSUED, "k", Instant.now(), data);
    }

    static Payloads.VoucherUsage voucher(String enterprise) {
        return new Payloads.VoucherUsage("SH", UUID.randomUUID().toString(), enterprise, 100, 2026, Instant.now());
    }

    @Property(tries = 500)
    void anyTextIsEitherAnEventOrRefusedWithAReasonNeverAnException(@ForAll("records") String record) {
        var result = EventCheck.envelope(record, EventCheck.Origin.NODE);
        assertThat(result.ok() ^ result.refused() != null).isTrue();
        if (result.ok()) {
            assertThat(result.value().id()).matches("[0-9a-fA-F-]{36}");
        }
    }

    @Provide
    Arbitrary<String> records() {
        String genuine = EventCodec.write(usage(voucher(USCC)));
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> mutated = Arbitraries.integers().between(0, genuine.length() - 1)
                .flatMap(at -> Arbitraries.strings().all().ofMaxLength(5)
                        .map(insert -> genuine.substring(0, at) + insert + genuine.substring(at)));
        Arbitrary<String> attributeSwapped = Arbitraries.of("id", "type", "source", "subject", "specversion", "time")
                .flatMap(attribute -> Arbitraries.strings().all().ofMaxLength(400).map(value -> genuine.replaceFirst(
                        "\"" + attribute + "\":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"" + attribute + "\":" + json(value)))));
        return Arbitraries.oneOf(anyText, mutated, attributeSwapped, Arbitraries.just(genuine));
    }

    @Property(tries = 300)
    void aStringFieldWithAControlCharacterOrBeyondItsBoundIsRefused(@ForAll("hostile") String name) {
        var result = EventCheck.payload(usage(new Payloads.NoticePublished("SH", UUID.randomUUID().toString(), "CASE",
                name, "正文", null, null, null, Instant.now(), null)), Payloads.NoticePublished.class);
        boolean hasControl = name.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
        assertThat(result.ok()).isEqualTo(!hasControl && name.length() <= EventCheck.MAX_TEXT);
        if (!result.ok()) {
            assertThat(result.refused().reason()).isEqualTo(EventCheck.Reason.PAYLOAD);
            assertThat(result.refused().detail()).startsWith("title");
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().alpha().ofLength(EventCheck.MAX_TEXT + 1));
    }

    @Test
    void identifiersAreCheckedByWhatTheirNamesSay() {
        assertThat(EventCheck.payload(usage(voucher(USCC)), Payloads.VoucherUsage.class).ok()).isTrue();
        assertThat(EventCheck.payload(usage(voucher("9".repeat(40))), Payloads.VoucherUsage.class).refused().detail())
                .isEqualTo("enterpriseUscc is not a USCC");
        var answer = new Payloads.ProviderAnswer("not-a-uuid", "ZJ", "SH", USCC, "CONFIRMED", null, Instant.now());
        assertThat(EventCheck.payload(usage(answer), Payloads.ProviderAnswer.class).refused().detail())
                .isEqualTo("redemptionId is not a UUID");
        var request = new Payloads.CrossRegionRequest(UUID.randomUUID().toString(), "ZJ", "SHANGHAI", USCC, USCC, "企业",
                "SCI_TECH_CONSULTING", "HT", "ab", 1, 1, LocalDate.now(), Instant.now());
        assertThat(EventCheck.payload(usage(request), Payloads.CrossRegionRequest.class).refused().detail())
                .isEqualTo("providerProvince is not a province code");
        var admission = new Payloads.ProviderAdmission("SH", USCC, "机构", "ADMITTED", Set.of("A\u0000"), List.of(), null);
        assertThat(EventCheck.payload(usage(admission), Payloads.ProviderAdmission.class).refused().detail())
                .isEqualTo("categories[] holds a control character");
        var negative = new Payloads.VoucherUsage("SH", UUID.randomUUID().toString(), USCC, -1, 2026, Instant.now());
        assertThat(EventCheck.payload(usage(negative), Payloads.VoucherUsage.class).refused().detail())
                .isEqualTo("amountFen is negative");
    }

    @Test
    void onlyTheChannelsSenderMaySendOnIt() {
        String fromNode = EventCodec.write(usage(voucher(USCC)));
        assertThat(EventCheck.envelope(fromNode, EventCheck.Origin.NODE).ok()).isTrue();
        assertThat(EventCheck.envelope(fromNode, EventCheck.Origin.HUB).refused().reason())
                .isEqualTo(EventCheck.Reason.WRONG_SOURCE);
        String oversized = fromNode.replace("\"data\":{", "\"data\":{\"x\":\"" + "é".repeat(EventCheck.MAX_RECORD_BYTES / 2) + "\",");
        assertThat(EventCheck.envelope(oversized, EventCheck.Origin.NODE).refused().reason())
                .isEqualTo(EventCheck.Reason.OVERSIZED);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
