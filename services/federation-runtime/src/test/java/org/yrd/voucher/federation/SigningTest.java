package org.yrd.voucher.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.EventTypes;

/**
 * What the relay sends: by default a batch under one signature, each event with its proof; with
 * {@code yrd.federation.signing.per-batch=false} (while a party on an earlier version upgrades) each event signed on
 * its own, which such a party checks. Either way the receiving side's {@link Signing#refusal} takes them.
 */
class SigningTest {
    @TempDir
    Path keys;

    private Signing signing(boolean perBatch) {
        EventSignatures.generate(keys, "ZJ", "hub");
        return new Signing(Optional.of(keys.resolve("ZJ.key.pem").toString()), Optional.of(keys.toString()),
                Duration.ofMinutes(1), perBatch, Clock.systemUTC());
    }

    /** Five envelopes as the outbox keeps them, as the relay sends them, read back as a receiver reads them. */
    private static List<CloudEvent> sent(Signing signing) {
        List<String> unsigned = IntStream.range(0, 5).mapToObj(i -> EventCodec.write(EventCodec.envelope(
                CloudEvent.nodeSource("ZJ"), EventTypes.REDEMPTION_REQUESTED, "r-" + i, Instant.now(),
                Map.of("redemptionId", "r-" + i)))).toList();
        return signing.signBatch(unsigned).stream().map(EventCodec::read).toList();
    }

    @Test
    void byDefaultABatchIsSignedOnceAndEveryEventOfItIsTaken() {
        Signing signing = signing(true);
        List<CloudEvent> sent = sent(signing);
        assertThat(sent).allSatisfy(e -> {
            assertThat(e.proof()).isNotNull();
            assertThat(signing.refusal(e)).isNull();
        });
        assertThat(sent).extracting(CloudEvent::signature).containsOnly(sent.get(0).signature());
    }

    @Test
    void notPerBatchEachEventIsSignedOnItsOwnAsAPartyOnAnEarlierVersionChecksIt() {
        Signing signing = signing(false);
        List<CloudEvent> sent = sent(signing);
        assertThat(sent).allSatisfy(e -> {
            assertThat(e.proof()).isNull();
            assertThat(signing.refusal(e)).isNull();
            // what an earlier version checks: the signature over the envelope itself
            assertThat(EventSignatures.verify(e, EventSignatures.readPublic(keys.resolve("ZJ.pub.pem")))).isTrue();
        });
        assertThat(sent).extracting(CloudEvent::signature).doesNotHaveDuplicates();
    }
}
