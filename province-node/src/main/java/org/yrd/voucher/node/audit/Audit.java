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
        // P9: a service point's act is recorded as its own, for the enterprise it acted for
        String forWhom = caller.onBehalfOf();
        record(caller.actor(), action, target, outcome, amountFen,
                forWhom == null ? detail : "for " + forWhom + (detail == null ? "" : "; " + detail));
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

    /**
     * Appends in two round trips while the chain's end is locked: the end moved on by the number of records
     * (which locks it and gives the previous hash), then the records and the new end's hash in one statement.
     * The transaction's own changes are flushed first, so the lock is held for as little as possible.
     */
    private void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.flush();
        int n = entries.size();
        Object[] head = (Object[]) em.createNativeQuery(
                        "UPDATE audit_head SET seq = seq + ?1 WHERE id = 1 RETURNING seq, hash")
                .setParameter(1, n).getSingleResult();
        long seq = ((Number) head[0]).longValue() - n;
        String prev = ((String) head[1]).trim();
        StringBuilder sql = new StringBuilder("""
                WITH appended AS (INSERT INTO audit_record (seq, at, actor_subject, actor_name, actor_role,
                  actor_province, actor_uscc, action, target, outcome, amount_fen, detail, request_id, client_address,
                  prev_hash, hash) VALUES\s""");
        List<Object> values = new ArrayList<>();
        for (Entry e : entries) {
            seq++;
            String hash = hash(seq, e, prev);
            Actor a = e.actor();
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(java.util.Arrays.asList(seq, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), a.subject(),
                    a.name(), a.role(), a.province(), a.uscc(), e.action(), e.target(), e.outcome(), e.amountFen(),
                    e.detail(), a.requestId(), a.clientAddress(), prev, hash));
            prev = hash;
        }
        sql.append(") UPDATE audit_head SET hash = ? WHERE id = 1");
        values.add(prev);
        @SuppressWarnings("unchecked")
        org.hibernate.query.NativeQuery<Object> q = em.createNativeQuery(sql.toString())
                .unwrap(org.hibernate.query.NativeQuery.class);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                // a typed null: PostgreSQL cannot infer the type of an untyped one inside VALUES
                if (i % 16 == 10) {
                    q.setParameter(i + 1, null, Long.class);
                } else {
                    q.setParameter(i + 1, null, String.class);
                }
            } else {
                q.setParameter(i + 1, v);
            }
        }
        q.executeUpdate();
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
