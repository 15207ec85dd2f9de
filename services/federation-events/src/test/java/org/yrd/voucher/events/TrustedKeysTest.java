package org.yrd.voucher.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signer's key rotated with an overlap (docs/deploy.md): receivers are given the next key before the signer
 * switches, then keep the old one as retired at the switch. Records the old key signed while it was current stay
 * valid (a compacted topic replayed from its start); anything it signs after its retirement is refused.
 */
class TrustedKeysTest {
    private static final Instant SWITCH = Instant.parse("2027-03-01T00:00:00Z");

    @TempDir
    Path trust;
    @TempDir
    Path oldKeys;
    @TempDir
    Path newKeys;

    private static CloudEvent at(Instant time) {
        return EventCodec.envelope("urn:yrd:hub", EventTypes.REDEMPTION_REQUESTED, "r-1", time,
                Map.of("redemptionId", "r-1"));
    }

    private PrivateKey pair(Path dir) {
        EventSignatures.generate(dir, "hub");
        return EventSignatures.readPrivate(dir.resolve("hub.key.pem"));
    }

    @Test
    void aRotationKeepsWhatTheOldKeySignedWhileCurrentAndRefusesWhatItSignsAfter() throws IOException {
        PrivateKey old = pair(oldKeys);
        PrivateKey next = pair(newKeys);
        CloudEvent before = EventSignatures.sign(at(SWITCH.minusSeconds(86_400)), old);
        CloudEvent after = EventSignatures.sign(at(SWITCH.plusSeconds(1)), old);
        CloudEvent byNext = EventSignatures.sign(at(SWITCH.plusSeconds(1)), next);

        // before the rotation: the current key only
        Files.copy(oldKeys.resolve("hub.pub.pem"), trust.resolve("hub.pub.pem"));
        assertThat(TrustedKeys.of(trust, "hub").verify(before)).isTrue();
        assertThat(TrustedKeys.of(trust, "hub").verify(byNext)).isFalse();

        // 1. receivers are given the next key: both count, whatever the time
        Files.copy(newKeys.resolve("hub.pub.pem"), trust.resolve("hub.next.pub.pem"));
        TrustedKeys overlap = TrustedKeys.of(trust, "hub");
        assertThat(overlap.verify(before)).isTrue();
        assertThat(overlap.verify(after)).isTrue();
        assertThat(overlap.verify(byNext)).isTrue();

        // 2. the signer switched at SWITCH: the next key becomes current, the old one retired at the switch
        Files.move(trust.resolve("hub.pub.pem"), trust.resolve(TrustedKeys.retiredName("hub", SWITCH)));
        Files.move(trust.resolve("hub.next.pub.pem"), trust.resolve("hub.pub.pem"));
        assertThat(Files.exists(trust.resolve("hub.retired-20270301T000000Z.pub.pem"))).isTrue();
        TrustedKeys rotated = TrustedKeys.of(trust, "hub");
        assertThat(rotated.keys()).hasSize(2);
        assertThat(rotated.verify(before)).as("signed while the old key was current: still valid").isTrue();
        assertThat(rotated.verify(byNext)).isTrue();
        assertThat(rotated.verify(after)).as("the old key after its retirement (a stolen key)").isFalse();
        assertThat(rotated.verify(before.withSignature(null))).isFalse();
        // an event without a time cannot show it was signed while a retired key was current
        CloudEvent timeless = EventSignatures.sign(new CloudEvent(before.specversion(), before.id(), before.source(),
                before.type(), before.subject(), null, before.datacontenttype(), before.schemaversion(), before.data(),
                before.sequence(), null, null), old);
        assertThat(rotated.verify(timeless)).isFalse();
    }

    @Test
    void anotherSignersKeysAndNamesThatAreNotSignersAreNotTrusted() throws IOException {
        pair(oldKeys);
        Files.copy(oldKeys.resolve("hub.pub.pem"), trust.resolve("SH.pub.pem"));
        Files.copy(oldKeys.resolve("hub.pub.pem"), trust.resolve("hub.retired-notatime.pub.pem"));
        assertThat(TrustedKeys.of(trust, "hub").isEmpty()).isTrue();
        assertThat(TrustedKeys.of(trust, "SH").keys()).hasSize(1);
        assertThat(TrustedKeys.of(trust, "../SH").isEmpty()).isTrue();
        assertThat(TrustedKeys.of(trust, "S").isEmpty()).isTrue();
        assertThat(TrustedKeys.of(trust, null).isEmpty()).isTrue();
    }
}
