package org.yrd.voucher.node.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;

/**
 * The audit trail's one writer (P9 "keep the money safe", P13 "strict process management"): every decision by
 * a person and every money movement, with who (subject, name, role, province or USCC), when, what, on which
 * target, the outcome, the request and the client address.
 * <p>
 * Records are appended in the transaction of what they record, so a decision and its record commit or vanish
 * together. They are gathered during the transaction and written just before it commits, so that the lock on
 * the chain's end (which orders the records) is the last lock a transaction takes and is held only for the
 * commit. Each record carries SHA-256 over its content and the previous record's hash ({@link #hash}).
 */
@ApplicationScoped
public class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object PENDING = Audit.class;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Caller caller;
    private final Clock clock;

    Audit(EntityManager em, TransactionSynchronizationRegistry transactions, Caller caller, Clock clock) {
        this.em = em;
        this.transactions = transactions;
        this.caller = caller;
        this.clock = clock;
    }

    /** What is recorded; {@code amountFen} for a money movement, {@code detail} a reason or reference. */
    public record Entry(Instant at, Actor actor, String action, String target, String outcome, Long amountFen,
                        String detail) {}

    /** Records an action of the current caller (the system, outside a request) in the current transaction. */
    public void record(String action, Object target, String outcome, Long amountFen, String detail) {
        record(caller.actor(), action, target, outcome, amountFen, detail);
    }

    public void record(Actor actor, String action, Object target, String outcome, Long amountFen, String detail) {
        pending().add(new Entry(now(), actor, action, String.valueOf(target), outcome, amountFen, clip(detail)));
    }

    /**
     * Records a refusal that the refused request's own transaction will not keep (it rolls back), in a
     * transaction of its own: e.g. a maker–checker refusal.
     */
    public void refusal(String action, Object target, String code) {
        Entry e = new Entry(now(), caller.actor(), action, String.valueOf(target), "refused:" + code, null, null);
        QuarkusTransaction.requiringNew().run(() -> append(new ArrayList<>(List.of(e))));
    }

    @SuppressWarnings("unchecked")
    private List<Entry> pending() {
        List<Entry> entries = (List<Entry>) transactions.getResource(PENDING);
        if (entries == null) {
            List<Entry> fresh = new ArrayList<>();
            transactions.putResource(PENDING, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        append(fresh);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing kept between transactions
                }
            });
            entries = fresh;
        }
        return entries;
    }

    private void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = ((String) head[1]).trim();
        for (Entry e : entries) {
            seq++;
            String hash = hash(seq, e, prev);
            Actor a = e.actor();
            em.createNativeQuery("""
                            INSERT INTO audit_record (seq, at, actor_subject, actor_name, actor_role, actor_province,
                              actor_uscc, action, target, outcome, amount_fen, detail, request_id, client_address,
                              prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                    .setParameter(1, seq).setParameter(2, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                    .setParameter(3, a.subject()).setParameter(4, a.name()).setParameter(5, a.role())
                    .setParameter(6, a.province()).setParameter(7, a.uscc()).setParameter(8, e.action())
                    .setParameter(9, e.target()).setParameter(10, e.outcome()).setParameter(11, e.amountFen())
                    .setParameter(12, e.detail()).setParameter(13, a.requestId()).setParameter(14, a.clientAddress())
                    .setParameter(15, prev).setParameter(16, hash).executeUpdate();
            prev = hash;
        }
        em.createNativeQuery("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, prev).executeUpdate();
        entries.clear();
    }

    /** SHA-256, hex, over the record's content (a JSON array: unambiguous) and the previous record's hash. */
    public static String hash(long seq, Entry e, String prevHash) {
        Actor a = e.actor();
        List<Object> content = java.util.Arrays.asList(seq, ChronoUnit.MICROS.between(Instant.EPOCH, e.at()),
                a.subject(), a.name(), a.role(), a.province(), a.uscc(), e.action(), e.target(), e.outcome(),
                e.amountFen(), e.detail(), a.requestId(), a.clientAddress(), prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** Microseconds, as the database keeps them, so the hash recomputed from the stored record matches. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
