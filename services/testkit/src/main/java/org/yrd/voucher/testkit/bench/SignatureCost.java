package org.yrd.voucher.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.EventTypes;

/**
 * What signing and checking one federation event costs: the apps' {@link EventSignatures} (BouncyCastle's Ed25519)
 * beside the JDK's Ed25519, on a cross-region request as a node sends it; then per event when the relay signs a batch
 * (one signature of its Merkle root, each event with its proof) and a receiver checks every event of it, for a batch
 * of 8 and of 200 (the relay's most). Prints microseconds of one core per signature and per check; it is not a
 * pass/fail test.
 *   java -cp … org.yrd.voucher.testkit.bench.SignatureCost [iterations]
 */
public final class SignatureCost {
    private SignatureCost() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("signature-cost");
        EventSignatures.generate(dir, "ZJ");
        PrivateKey key = EventSignatures.readPrivate(dir.resolve("ZJ.key.pem"));
        PublicKey pub = EventSignatures.readPublic(dir.resolve("ZJ.pub.pem"));
        CloudEvent e = EventCodec.envelope("urn:yrd:node:ZJ", EventTypes.REDEMPTION_REQUESTED, "r-1",
                Instant.parse("2026-12-02T08:00:00Z"), // the time only fills the envelope: any will do
                Map.of("redemptionId", "3f2b8c1e-9d4a-4e7b-8a2c-5d6e7f8a9b0c", "issuingProvince", "ZJ",
                        "providerProvince", "SH", "providerUscc", "91310104DEM000011H",
                        "enterpriseUscc", "91330106DEM000002Q", "enterpriseName", "杭州示范科技有限公司",
                        "category", "TESTING_INSPECTION_CERTIFICATION", "contractNo", "HT-2026-001",
                        "invoiceHash", "ab".repeat(32), "actualExpenditureFen", 1_200_000));
        byte[] content = EventCodec.signingBytes(e);

        CloudEvent[] signed = new CloudEvent[1];
        double appSign = perCall(n, () -> signed[0] = EventSignatures.sign(e, key));
        boolean[] ok = new boolean[1];
        double appVerify = perCall(n, () -> ok[0] = EventSignatures.verify(signed[0], pub));

        byte[][] jdkSignature = new byte[1][];
        double jdkSign = perCall(n / 10, () -> {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(content);
            jdkSignature[0] = s.sign();
        });
        double jdkVerify = perCall(n / 10, () -> {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(content);
            ok[0] &= s.verify(jdkSignature[0]);
        });
        System.out.printf("RESULT message_bytes=%d sign_us=%.1f verify_us=%.1f jdk_sign_us=%.1f jdk_verify_us=%.1f "
                + "all_verified=%s%n", content.length, appSign, appVerify, jdkSign, jdkVerify, ok[0]);

        for (int size : new int[] {8, 200}) {
            int count = Math.max(20, n / size);
            // distinct events in each set: a batch's root checked once is remembered, so the measured checks must
            // meet roots never seen
            List<List<String>> warm = batches(e, count, size);
            List<List<String>> measured = batches(e, count, size);
            List<List<CloudEvent>> warmSigned = received(signAll(warm, key));
            long start = System.nanoTime();
            List<List<String>> records = signAll(measured, key);
            double batchSign = (System.nanoTime() - start) / 1e3 / ((double) count * size);
            List<List<CloudEvent>> signedBatches = received(records);
            verifyAll(warmSigned, pub);
            start = System.nanoTime();
            boolean all = verifyAll(signedBatches, pub);
            double batchVerify = (System.nanoTime() - start) / 1e3 / ((double) count * size);
            System.out.printf("RESULT batch=%d sign_us_per_event=%.1f verify_us_per_event=%.1f all_verified=%s%n", size,
                    batchSign, batchVerify, all);
        }
    }

    /** {@code count} batches of {@code size} envelopes like {@code e}, each with an id of its own, as the outbox keeps them. */
    private static List<List<String>> batches(CloudEvent e, int count, int size) {
        List<List<String>> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<String> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(EventCodec.write(EventCodec.envelope(e.source(), e.type(), e.subject(), e.time(), e.data())));
            }
            out.add(batch);
        }
        return out;
    }

    private static List<List<String>> signAll(List<List<String>> batches, PrivateKey key) {
        List<List<String>> records = new ArrayList<>(batches.size());
        for (List<String> b : batches) {
            records.add(EventSignatures.signBatch(b, key));
        }
        return records;
    }

    /** The records read as a receiver reads them (the reading is not part of the cost measured). */
    private static List<List<CloudEvent>> received(List<List<String>> records) {
        return records.stream().map(b -> b.stream().map(EventCodec::read).toList()).toList();
    }

    private static boolean verifyAll(List<List<CloudEvent>> batches, PublicKey pub) {
        boolean all = true;
        for (List<CloudEvent> b : batches) {
            for (CloudEvent e : b) {
                all &= EventSignatures.verify(e, pub);
            }
        }
        return all;
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Microseconds per call, after as many calls again to warm up. */
    private static double perCall(int n, Call call) throws Exception {
        for (int i = 0; i < n; i++) {
            call.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }
}
