package org.yrd.voucher.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One signature for a batch (EventSignatures.signBatch): every event of a batch of any size verifies on its own, as
 * a receiver sees it (the record parsed back); an event altered, given another event's proof, a proof altered in any
 * step, or a signature of another key's batch is refused; events signed alone before batches still verify.
 */
class BatchSignaturesTest {
    @TempDir
    Path keys;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL_ALPHABET = ALPHABET.replace('+', '-').replace('/', '_');

    private final Random random = new Random(20261203);

    private PrivateKey privateKey(String signer) {
        EventSignatures.generate(keys, signer);
        return EventSignatures.readPrivate(keys.resolve(signer + ".key.pem"));
    }

    private PublicKey publicKey(String signer) {
        return EventSignatures.readPublic(keys.resolve(signer + ".pub.pem"));
    }

    private CloudEvent event(int i) {
        return EventCodec.envelope("/yrd/node/ZJ", EventTypes.REDEMPTION_REQUESTED, "r-" + i,
                Instant.parse("2026-12-03T08:00:00Z").plusMillis(random.nextInt(1_000_000)),
                Map.of("redemptionId", "r-" + i, "amountFen", random.nextLong(), "note", "第" + i + "项 " + "x".repeat(
                        random.nextInt(50))));
    }

    private List<String> unsigned(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EventCodec.write(event(i)));
        }
        return out;
    }

    @Test
    void everyEventOfABatchOfAnySizeVerifiesAsItIsReceived() {
        PrivateKey zj = privateKey("ZJ");
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 31, 200}) {
            List<String> unsigned = unsigned(n);
            List<String> records = EventSignatures.signBatch(unsigned, zj);
            assertThat(records).hasSize(n);
            String signature = null;
            for (int i = 0; i < n; i++) {
                CloudEvent received = EventCodec.read(records.get(i));
                assertThat(received.proof()).as("batch of %d, event %d", n, i).isNotNull();
                assertThat(EventSignatures.verify(received, publicKey("ZJ"))).as("batch of %d, event %d", n, i).isTrue();
                // the content is untouched: what was written is what is signed and sent
                assertThat(EventCodec.write(received.unsigned())).isEqualTo(unsigned.get(i));
                signature = signature == null ? received.signature() : signature;
                assertThat(received.signature()).as("one signature for the batch").isEqualTo(signature);
            }
        }
    }

    @Test
    void anAlteredEventAnotherEventsProofAnAlteredProofOrAnotherKeysBatchIsRefused() {
        PrivateKey zj = privateKey("ZJ");
        PrivateKey sh = privateKey("SH");
        List<String> records = EventSignatures.signBatch(unsigned(13), zj);
        List<CloudEvent> batch = records.stream().map(EventCodec::read).toList();
        for (int trial = 0; trial < 200; trial++) {
            CloudEvent e = batch.get(random.nextInt(batch.size()));
            CloudEvent other = batch.get(random.nextInt(batch.size()));
            // another event's proof: leads elsewhere unless it is the same event
            CloudEvent swapped = withProof(e, other.proof());
            assertThat(EventSignatures.verify(swapped, publicKey("ZJ"))).isEqualTo(other.id().equals(e.id()));
            // the event's content changed, its proof and signature kept
            CloudEvent altered = new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject() + "x", e.time(),
                    e.datacontenttype(), e.schemaversion(), e.data(), e.sequence(), e.signature(), e.proof());
            assertThat(EventSignatures.verify(altered, publicKey("ZJ"))).isFalse();
        }
        // every character of a proof and of the signature changed, in its high bits and in its lowest (which the last
        // character of a base64 text may leave unused: another spelling of the same bytes is refused too)
        CloudEvent e = batch.get(random.nextInt(batch.size()));
        for (int at = 0; at < e.proof().length(); at++) {
            for (String proof : altered(e.proof(), at, URL_ALPHABET)) {
                assertThat(EventSignatures.verify(withProof(e, proof), publicKey("ZJ"))).as("proof %s", proof).isFalse();
            }
        }
        for (int at = 0; at < e.signature().length(); at++) {
            for (String signature : altered(e.signature(), at, ALPHABET)) {
                assertThat(EventSignatures.verify(withSignature(e, signature), publicKey("ZJ")))
                        .as("signature %s", signature).isFalse();
            }
        }
        // a proof that is not one, a proof dropped (the batch signature does not sign the event itself), another key
        CloudEvent first = batch.get(0);
        for (String bad : new String[] {"", "X", "L", "Lnot-base64!", "R" + "A".repeat(43) + ".", "L" + "A".repeat(42),
                ("R" + "A".repeat(43) + ".").repeat(40)}) {
            assertThat(EventSignatures.verify(withProof(first, bad), publicKey("ZJ"))).as(bad).isFalse();
        }
        assertThat(EventSignatures.verify(first.withSignature(first.signature()), publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(first, publicKey("SH"))).isFalse();
        CloudEvent byShKey = EventCodec.read(EventSignatures.signBatch(List.of(EventCodec.write(first.unsigned())), sh).get(0));
        assertThat(EventSignatures.verify(byShKey, publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(byShKey, publicKey("SH"))).isTrue();
    }

    @Test
    void anEventSignedAloneBeforeBatchesIsSentAsItIsAndStillVerifies() {
        PrivateKey zj = privateKey("ZJ");
        String alone = EventCodec.write(EventSignatures.sign(event(1), zj));
        List<String> mixed = new ArrayList<>(unsigned(3));
        mixed.add(1, alone);
        List<String> records = EventSignatures.signBatch(mixed, zj);
        assertThat(records.get(1)).isEqualTo(alone);
        for (String r : records) {
            assertThat(EventSignatures.verify(EventCodec.read(r), publicKey("ZJ"))).isTrue();
        }
        assertThat(EventCodec.read(records.get(1)).proof()).isNull();
        assertThat(EventCodec.read(records.get(0)).proof()).isNotNull();
    }

    @Test
    void anEnvelopeSignedAloneForAReceiverThatDoesNotTakeBatchesVerifiesWithoutAProof() {
        PrivateKey zj = privateKey("ZJ");
        for (String unsigned : unsigned(5)) {
            String record = EventSignatures.signAlone(unsigned, zj);
            CloudEvent received = EventCodec.read(record);
            assertThat(received.proof()).isNull();
            assertThat(EventCodec.write(received.unsigned())).isEqualTo(unsigned);
            assertThat(EventSignatures.verify(received, publicKey("ZJ"))).isTrue();
            assertThat(EventSignatures.signAlone(record, zj)).as("signed already: as it is").isEqualTo(record);
        }
    }

    private static CloudEvent withProof(CloudEvent e, String proof) {
        return new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), e.time(), e.datacontenttype(),
                e.schemaversion(), e.data(), e.sequence(), e.signature(), proof);
    }

    /** The event with another signature, its proof kept. */
    private static CloudEvent withSignature(CloudEvent e, String signature) {
        return new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), e.time(), e.datacontenttype(),
                e.schemaversion(), e.data(), e.sequence(), signature, e.proof());
    }

    /**
     * {@code text} with its character at {@code at} replaced by the one whose value differs in the lowest bit, and by
     * the one whose value differs in the highest (a character outside the alphabet, such as a dot, by 'A').
     */
    private static List<String> altered(String text, int at, String alphabet) {
        int value = alphabet.indexOf(text.charAt(at));
        List<String> out = new ArrayList<>();
        for (char c : value < 0 ? new char[] {'A'} : new char[] {alphabet.charAt(value ^ 1), alphabet.charAt(value ^ 32)}) {
            out.add(text.substring(0, at) + c + text.substring(at + 1));
        }
        return out;
    }
}
