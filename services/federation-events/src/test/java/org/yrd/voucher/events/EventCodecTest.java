package org.yrd.voucher.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    @Test
    void envelopeAndPayloadSurviveTheWire() {
        var admission = new Payloads.ProviderAdmission("SH", "91310104DEM000011H", "检测院", "ADMITTED",
                Set.of("TESTING_INSPECTION_CERTIFICATION"), List.of(new Payloads.Qualification("CMA", "1")), "ok");
        CloudEvent e = EventCodec.envelope(CloudEvent.nodeSource("SH"), EventTypes.PROVIDER_ADMISSION_CHANGED,
                admission.uscc(), Instant.parse("2026-04-15T02:00:00Z"), admission);
        CloudEvent back = EventCodec.read(EventCodec.write(e));
        assertThat(back).isEqualTo(e);
        assertThat(back.specversion()).isEqualTo("1.0");
        assertThat(back.sourceProvince()).isEqualTo("SH");
        assertThat(EventCodec.data(back, Payloads.ProviderAdmission.class)).isEqualTo(admission);
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> EventCodec.read("{\"id\":\"1\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.read("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invoiceHashIsKeyedAndStable() {
        String a = InvoiceHash.of("k1", "91310104DEM000011H", "FP-001");
        assertThat(InvoiceHash.of("k1", "91310104DEM000011H", " fp-001 ")).isEqualTo(a);
        assertThat(InvoiceHash.of("k2", "91310104DEM000011H", "FP-001")).isNotEqualTo(a);
        assertThat(InvoiceHash.of("k1", "91310104DEM000012K", "FP-001")).isNotEqualTo(a);
        assertThat(a).doesNotContain("FP").hasSize(64);
    }

    @Test
    void inboxTopicsArePerNode() {
        assertThat(Topics.nodeInbox("ZJ")).isEqualTo("yrd.node.ZJ.inbox");
    }
}
