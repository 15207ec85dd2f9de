package org.yrd.voucher.federation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;

/**
 * Records a consumer refused, kept for the people who must look (the operator at a node, the task group at the hub)
 * and counted by {@code yrd_quarantined_total{channel, reason}}, whose labels are bounded: the channel names are
 * ours and the reasons are {@link EventCheck.Reason}. Nothing a record holds is stored beyond a bounded excerpt with
 * its control characters escaped; the record itself is identified by its SHA-256.
 */
@ApplicationScoped
public class Quarantine {
    private static final Logger LOG = Logger.getLogger(Quarantine.class);
    static final int EXCERPT = 1000;
    static final int DETAIL = 500;

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry meters;

    Quarantine(EntityManager em, Clock clock, MeterRegistry meters) {
        this.em = em;
        this.clock = clock;
        this.meters = meters;
    }

    /** One quarantined record, as the consoles and the API list it; times in UTC, ISO 8601. */
    public record Entry(long id, String channel, String reason, String detail, String eventId, String eventType,
                        String source, String recordSha256, int recordBytes, String excerpt, String firstAt,
                        String lastAt, int times) {}

    /**
     * Keeps {@code record} with why it was refused, in its own transaction (it stays when the consumer's rolls back).
     * {@code event} is what could be read of it, or null.
     */
    public void keep(String channel, String record, CloudEvent event, EventCheck.Refused refused) {
        String raw = record == null ? "" : record;
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        LOG.warnf("quarantined on %s: %s (%s), event %s", channel, refused.reason().label(),
                bounded(refused.detail(), 200), event == null ? "unreadable" : bounded(event.id(), 64));
        meters.counter("yrd_quarantined_total", "channel", channel, "reason", refused.reason().label()).increment();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // kept even when the database is away for a while: the record is acknowledged only once it is kept
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                                INSERT INTO quarantine (channel, reason, detail, event_id, event_type, source, record_sha256,
                                  record_bytes, excerpt, first_at, last_at)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
                                ON CONFLICT (channel, record_sha256) DO UPDATE SET last_at = excluded.last_at,
                                  times = quarantine.times + 1, reason = excluded.reason, detail = excluded.detail""")
                        .setParameter(1, channel).setParameter(2, refused.reason().name())
                        .setParameter(3, bounded(refused.detail(), DETAIL))
                        .setParameter(4, event == null ? null : bounded(event.id(), 64))
                        .setParameter(5, event == null ? null : bounded(event.type(), 100))
                        .setParameter(6, event == null ? null : bounded(event.source(), 100))
                        .setParameter(7, sha256(bytes)).setParameter(8, bytes.length)
                        .setParameter(9, bounded(raw, EXCERPT)).setParameter(10, now).executeUpdate());
                return;
            } catch (RuntimeException e) {
                if (!Retry.passing(e)) {
                    LOG.errorf(e, "quarantine: could not keep a record refused on %s (sha256 %s)", channel, sha256(bytes));
                    return;
                }
                if (!Retry.sleep(Math.min(Intake.MAX_BACKOFF_MS, 20L * attempt * attempt))) {
                    throw e;
                }
            }
        }
    }

    /** The newest first; {@code reasons} empty for all. */
    @SuppressWarnings("unchecked")
    public List<Entry> list(List<EventCheck.Reason> reasons, int limit, int offset) {
        String[] names = reasons.stream().map(Enum::name).toArray(String[]::new);
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, channel, reason, detail, event_id, event_type, source, record_sha256, record_bytes,
                          excerpt, to_char(first_at AT TIME ZONE 'UTC', ?4), to_char(last_at AT TIME ZONE 'UTC', ?4),
                          times FROM quarantine
                        WHERE cardinality(cast(?1 AS varchar[])) = 0 OR reason = ANY(cast(?1 AS varchar[]))
                        ORDER BY last_at DESC, id DESC LIMIT ?2 OFFSET ?3""")
                .setParameter(1, names).setParameter(2, limit).setParameter(3, offset)
                .setParameter(4, "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"").getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(),
                (String) r[9], (String) r[10], (String) r[11], ((Number) r[12]).intValue())).toList();
    }

    /**
     * At most {@code max} characters, control characters (NUL included, which PostgreSQL's text cannot hold) written
     * as {@code \\uXXXX} and lone surrogates as U+FFFD.
     */
    static String bounded(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 16);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (pair) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append('\ufffd');
                }
            } else {
                b.append(c);
            }
        }
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
