package org.yrd.voucher.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** Writes and reads envelopes and payloads as JSON, the same way on every node and the hub. */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static CloudEvent envelope(String source, String type, String subject, Instant time, Object data) {
        return new CloudEvent("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json", 1,
                JSON.valueToTree(data), null, null, null);
    }

    public static String write(CloudEvent e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot write event " + e.type(), ex);
        }
    }

    /** What a signature covers: the envelope as this codec writes it, without its signature and proof. */
    public static byte[] signingBytes(CloudEvent e) {
        try {
            return JSON.writeValueAsBytes(e.unsigned());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot write event " + e.type(), ex);
        }
    }

    /** How this codec ends an envelope signed on its own: the signature is its last attribute. */
    private static final Pattern SIGNED_ALONE = Pattern.compile(",\"signature\":\"[A-Za-z0-9+/]+={0,2}\"}$");

    /** Whether {@code json}, an envelope this codec wrote, carries a signature of its own. */
    static boolean signedAlone(String json) {
        int tail = Math.max(0, json.length() - 160);
        return SIGNED_ALONE.matcher(json).region(tail, json.length()).find();
    }

    /**
     * {@code json}, an envelope this codec wrote without a signature, with a batch signature and the event's proof
     * as its last attributes: added to the text, so that the content signed is the content sent, byte for byte.
     */
    static String withBatchSignature(String json, String proof, String signature) {
        if (!json.endsWith("}") || json.length() < 2) {
            throw new IllegalArgumentException("not an envelope written by this codec");
        }
        return json.substring(0, json.length() - 1) + ",\"signature\":\"" + signature + "\",\"proof\":\"" + proof
                + "\"}";
    }

    public static CloudEvent read(String json) {
        try {
            CloudEvent e = JSON.readValue(json, CloudEvent.class);
            if (e.id() == null || e.type() == null || e.source() == null || e.data() == null) {
                throw new IllegalArgumentException("not a CloudEvent: id, type, source and data are required");
            }
            return e;
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("unreadable event", ex);
        }
    }

    public static <T> T data(CloudEvent e, Class<T> type) {
        try {
            return JSON.treeToValue(e.data(), type);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + e.id() + " has no valid " + type.getSimpleName(), ex);
        }
    }
}
