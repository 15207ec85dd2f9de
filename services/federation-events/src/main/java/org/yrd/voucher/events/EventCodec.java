package org.yrd.voucher.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/** Writes and reads envelopes and payloads as JSON, the same way on every node and the hub. */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static CloudEvent envelope(String source, String type, String subject, Instant time, Object data) {
        return new CloudEvent("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json", 1,
                JSON.valueToTree(data), null, null);
    }

    public static String write(CloudEvent e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot write event " + e.type(), ex);
        }
    }

    /** What a signature covers: the envelope as this codec writes it, without its signature. */
    public static byte[] signingBytes(CloudEvent e) {
        try {
            return JSON.writeValueAsBytes(e.withSignature(null));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot write event " + e.type(), ex);
        }
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
