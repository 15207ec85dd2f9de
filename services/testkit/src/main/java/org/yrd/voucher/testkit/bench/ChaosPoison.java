package org.yrd.voucher.testkit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.testkit.EventProducer;

/**
 * A burst of poison for the chaos run (deploy/chaos.sh): records no party should send, on random topics of the
 * federation, each different, each appended to a file as {@code <topic> <sha256>} so that the run can check that
 * the quarantines hold exactly these. What a party holding a broker credential could write: text that is not JSON,
 * a CloudEvent with an id longer than any column, a control character in its type, a record above the size limit,
 * an unsigned event, an event signed with another party's key, an event of a type nobody takes, a genuine record of
 * a signed batch (as read from the topic) with its content altered, its signature and proof kept.
 * {@code ChaosPoison <bootstrap> <keys-dir> <poison-file> <count>}
 */
public final class ChaosPoison {
    static final List<String> TOPICS = List.of("yrd.usage", "yrd.provider-admissions", "yrd.credit-reports",
            "yrd.hub.requests", "yrd.provider-registry", "yrd.credit", "yrd.node.SH.inbox", "yrd.node.ZJ.inbox");

    private ChaosPoison() {}

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        Random random = new Random();
        java.time.Clock clock = java.time.Clock.systemUTC();
        var shKey = EventSignatures.readPrivate(keys.resolve("SH.key.pem"));
        StringBuilder kept = new StringBuilder();
        try (EventProducer producer = new EventProducer(args[0])) {
            for (int i = 0; i < count; i++) {
                String topic = TOPICS.get(random.nextInt(TOPICS.size()));
                boolean toNode = topic.startsWith("yrd.provider-registry") || topic.equals("yrd.credit")
                        || topic.startsWith("yrd.node.");
                String nonce = UUID.randomUUID().toString();
                CloudEvent genuineLooking = EventCodec.envelope(toNode ? CloudEvent.HUB_SOURCE : CloudEvent.nodeSource("ZJ"),
                        EventTypes.RISK_FLAGGED_BY_HUB, nonce, clock.instant(), Map.of("nonce", nonce));
                String json = EventCodec.write(genuineLooking);
                String record = switch (random.nextInt(8)) {
                    case 0 -> "{not json " + nonce;
                    case 1 -> json.replace("\"id\":\"", "\"id\":\"" + "9".repeat(300));
                    case 2 -> json.replace("\"type\":\"", "\"type\":\"\\u0000");
                    case 3 -> json.replace("\"data\":{", "\"data\":{\"padding\":\"" + "x".repeat(300_000) + "\",");
                    case 4 -> json; // unsigned
                    case 5 -> EventCodec.write(EventSignatures.sign(genuineLooking, shKey)); // SH's key, not its source's
                    case 6 -> EventCodec.write(EventSignatures.sign(EventCodec.envelope(CloudEvent.nodeSource("SH"),
                            "yrd.voucher.teleported.v1", nonce, clock.instant(), Map.of("nonce", nonce)), shKey));
                    default -> alteredAfterSigning(keys, genuineLooking, clock);
                };
                producer.send(topic, nonce, record);
                kept.append(topic).append(' ').append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(record.getBytes(StandardCharsets.UTF_8)))).append('\n');
            }
        }
        Files.writeString(out, kept, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * A genuine record of a signed batch, as anyone reading the topic could copy it (signed here with the key of its
     * source, which the run's keys directory holds, to stand for one), with its content changed and its signature and
     * proof kept.
     */
    private static String alteredAfterSigning(Path keys, CloudEvent e, java.time.Clock clock) {
        String nonce = e.subject();
        String other = EventCodec.write(EventCodec.envelope(e.source(), e.type(), nonce, clock.instant(),
                Map.of("nonce", "first")));
        String genuine = EventSignatures.signBatch(List.of(other, EventCodec.write(e)),
                EventSignatures.readPrivate(keys.resolve(e.signer() + ".key.pem"))).get(1);
        String altered = genuine.replace("\"nonce\":\"" + nonce + "\"", "\"nonce\":\"" + nonce + "-altered\"");
        if (altered.equals(genuine)) {
            throw new IllegalStateException("the poison would be a genuine event: " + genuine);
        }
        return altered;
    }
}
