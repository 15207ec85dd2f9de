package org.yrd.voucher.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a record must be before anything of it is applied: a signed-by-its-source CloudEvent of a type the channel
 * takes, whose payload decodes and whose every field is within the bounds the receiving tables hold. Pure: no
 * signature check (the runtime does that with its trusted keys) and no state (transitions are the handlers' part).
 * Each refusal is a {@link Reason}, a short bounded code, with a detail for the people who look at it.
 */
public final class EventCheck {
    /** The largest record accepted, in UTF-8 bytes: our own biggest event (a notice) is a few KiB. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    /** Strings in payloads: identifiers and names fit well within this; free text ({@link #TEXT_FIELDS}) may be longer. */
    static final int MAX_STRING = 500;
    static final int MAX_TEXT = 20_000;
    static final int MAX_ITEMS = 1_000;
    /** Free-text fields, which may hold line breaks and tabs. */
    static final Set<String> TEXT_FIELDS = Set.of("body", "reason", "title", "partyName", "name", "enterpriseName");

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");
    private static final Pattern NODE_SOURCE = Pattern.compile("/yrd/node/[A-Z]{2}");
    private static final Pattern TYPE = Pattern.compile("yrd\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");

    private EventCheck() {}

    /** Why a record is refused; the names are the quarantine's and the metric's bounded labels. */
    public enum Reason {
        /** larger than {@link #MAX_RECORD_BYTES} */
        OVERSIZED,
        /** not JSON, or not a CloudEvent */
        MALFORMED,
        /** a CloudEvent attribute missing or out of bounds */
        ENVELOPE,
        /** from a source that may not send on this channel */
        WRONG_SOURCE,
        /** a type this channel does not take */
        UNKNOWN_TYPE,
        /** unsigned, or not signed by its source's key */
        SIGNATURE,
        /** the payload does not decode, or a field is out of bounds */
        PAYLOAD,
        /** a node speaking of another province's entities */
        PROVENANCE,
        /** a state change not allowed from the state the receiver holds */
        TRANSITION,
        /** applying it failed for a reason of its own, not a passing one (kept for people to look at) */
        UNAPPLICABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A refusal with its reason and a detail in plain words. */
    public record Refused(Reason reason, String detail) {}

    /** Who may send on a channel. */
    public enum Origin {
        HUB, NODE;

        boolean admits(String source) {
            return this == HUB ? CloudEvent.HUB_SOURCE.equals(source) : source != null && NODE_SOURCE.matcher(source).matches();
        }
    }

    /** The record as a CloudEvent, or why it is refused; {@code origin} says who may send on this channel. */
    public static Result<CloudEvent> envelope(String record, Origin origin) {
        if (record == null) {
            return Result.refused(Reason.MALFORMED, "an empty record");
        }
        if (record.length() > MAX_RECORD_BYTES || record.getBytes(StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
            return Result.refused(Reason.OVERSIZED, "more than " + MAX_RECORD_BYTES + " bytes");
        }
        CloudEvent e;
        try {
            e = EventCodec.read(record);
        } catch (IllegalArgumentException | ClassCastException malformed) {
            return Result.refused(Reason.MALFORMED, rootMessage(malformed));
        }
        String problem = !"1.0".equals(e.specversion()) ? "specversion must be 1.0"
                : !UUID.matcher(e.id()).matches() ? "id must be a UUID"
                : !TYPE.matcher(e.type()).matches() || e.type().length() > 100 ? "type must be yrd.<aggregate>.<event>.v<n>"
                : e.time() == null ? "time is required"
                : e.subject() != null && (e.subject().length() > MAX_STRING || hasControl(e.subject(), false)) ? "subject out of bounds"
                : e.schemaversion() != 1 ? "schemaversion must be 1"
                : !e.data().isObject() ? "data must be an object"
                : e.signature() != null && e.signature().length() > 200 ? "signature out of bounds"
                : e.proof() != null && e.proof().length() > 45 * MerkleBatch.MAX_DEPTH ? "proof out of bounds"
                : e.sequence() != null && e.sequence() < 1 ? "sequence must be positive"
                : null;
        if (problem != null) {
            return Result.refused(Reason.ENVELOPE, problem);
        }
        if (!origin.admits(e.source())) {
            return Result.refused(Reason.WRONG_SOURCE, "only " + (origin == Origin.HUB ? "the hub" : "a province node")
                    + " may send on this channel");
        }
        return Result.ok(e);
    }

    /** The event's payload as {@code type}, or why it is refused: every field checked ({@link #fieldProblem}). */
    public static <T> Result<T> payload(CloudEvent e, Class<T> type) {
        T value;
        try {
            value = EventCodec.data(e, type);
        } catch (IllegalArgumentException undecodable) {
            return Result.refused(Reason.PAYLOAD, rootMessage(undecodable));
        }
        if (value == null) {
            return Result.refused(Reason.PAYLOAD, "no payload");
        }
        String problem = fieldProblem("data", value);
        return problem == null ? Result.ok(value) : Result.refused(Reason.PAYLOAD, problem);
    }

    /**
     * Why a value is out of bounds, or null. By name, as the payloads spell them: {@code …Uscc} is a USCC,
     * {@code province} and {@code …Province} a province code, {@code …Id} a UUID, {@code …Hash} a hex SHA-256, {@code …Fen} never negative;
     * every string bounded and free of control characters (line breaks and tabs allowed in free text); lists and
     * maps bounded, their elements checked the same way.
     */
    static String fieldProblem(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            boolean text = TEXT_FIELDS.contains(name);
            if (s.length() > (text ? MAX_TEXT : MAX_STRING)) {
                return name + " is longer than " + (text ? MAX_TEXT : MAX_STRING) + " characters";
            }
            if (hasControl(s, text)) {
                return name + " holds a control character";
            }
            if (name.endsWith("Uscc") || name.equals("uscc")) {
                return USCC.matcher(s).matches() ? null : name + " is not a USCC";
            }
            if (name.equals("province") || name.endsWith("Province")) {
                return PROVINCE.matcher(s).matches() ? null : name + " is not a province code";
            }
            if (name.endsWith("Id")) {
                return UUID.matcher(s).matches() ? null : name + " is not a UUID";
            }
            if (name.endsWith("Hash")) {
                return HASH.matcher(s).matches() ? null : name + " is not a keyed hash";
            }
            return null;
        }
        if (value instanceof Number n) {
            return name.endsWith("Fen") && n.longValue() < 0 ? name + " is negative" : null;
        }
        if (value instanceof Collection<?> c) {
            if (c.size() > MAX_ITEMS) {
                return name + " has more than " + MAX_ITEMS + " items";
            }
            for (Object item : c) {
                String p = fieldProblem(name + "[]", item);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            if (m.size() > MAX_ITEMS) {
                return name + " has more than " + MAX_ITEMS + " entries";
            }
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                String p = fieldProblem(name + ".key", entry.getKey());
                if (p == null) {
                    p = fieldProblem(name + "." + entry.getKey(), entry.getValue());
                }
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (value instanceof JsonNode j) {
            return j.toString().length() > MAX_TEXT ? name + " is too large" : null;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                String p;
                try {
                    var accessor = rc.getAccessor();
                    accessor.setAccessible(true); // a payload record need not be public
                    p = fieldProblem(rc.getName(), accessor.invoke(value));
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    p = rc.getName() + " cannot be read";
                }
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** NUL, the other C0 controls and DEL; tab, line feed and carriage return only where {@code text} allows them. */
    public static boolean hasControl(String s, boolean text) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(text && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson quotes the offending input: keep the message short, the record itself is kept by its hash
        int cut = m.indexOf('\n');
        return (cut < 0 ? m : m.substring(0, cut));
    }

    /** A value, or why there is none. */
    public record Result<T>(T value, Refused refused) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        public static <T> Result<T> refused(Reason reason, String detail) {
            return new Result<>(null, new Refused(reason, detail));
        }

        public boolean ok() {
            return refused == null;
        }
    }
}
