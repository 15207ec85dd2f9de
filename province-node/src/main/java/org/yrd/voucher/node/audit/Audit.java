package org.yrd.voucher.node.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.yrd.voucher.federation.CommitWrites;

/**
 * The audit trail's one writer (P9 "keep the money safe", P13 "strict process management"): every decision by
 * a person and every money movement, with who (subject, name, role, province or USCC), when, what, on which
 * target, the outcome, the request and the client address.
 * <p>
 * Records are written in the transaction of what they record, so a decision and its record commit or vanish
 * together: gathered during the transaction and written in one statement just before it commits. They take their
 * place in the chain after the commit ({@link AuditChain}), each with SHA-256 over its content and the previous
 * record's hash ({@link #hash}), so that no transaction waits for another at the chain's end.
 */
@ApplicationScoped
public class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object PENDING = Audit.class;
    /** The trail's columns from {@code at} to {@code client_address}, as {@link #columns(Entry)} gives them. */
    static final List<String> PENDING_COLUMNS = List.of("at", "actor_subject", "actor_name", "actor_role",
            "actor_province", "actor_uscc", "action", "target", "outcome", "amount_fen", "detail", "request_id",
            "client_address");
    static final List<String> PENDING_TYPES = List.of("timestamptz", "varchar", "varchar", "varchar", "varchar",
            "varchar", "varchar", "varchar", "varchar", "bigint", "varchar", "varchar", "varchar");
    private final TransactionSynchronizationRegistry transactions;
    private final Caller caller;
    private final Clock clock;
    private final AuditChain chain;
    private final CommitWrites commitWrites;

    Audit(TransactionSynchronizationRegistry transactions, Caller caller, Clock clock, AuditChain chain,
          CommitWrites commitWrites) {
        this.chain = chain;
        this.commitWrites = commitWrites;
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
        QuarkusTransaction.requiringNew().run(() -> pending().add(e));
    }

    @SuppressWarnings("unchecked")
    private List<Entry> pending() {
        List<Entry> entries = (List<Entry>) transactions.getResource(PENDING);
        if (entries == null) {
            List<Entry> fresh = new ArrayList<>();
            transactions.putResource(PENDING, fresh);
            commitWrites.beforeCommit(() -> append(fresh));
            // linked after the commit, by the chainer
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        chain.soon();
                    }
                }
            });
            entries = fresh;
        }
        return entries;
    }

    /**
     * The transaction's records as one INSERT, written just before it commits with the transaction's other last writes
     * ({@link CommitWrites}), without a place in the chain: no lock is taken, so transactions recording decisions and
     * money do not queue here. The chainer links them after the commit ({@link AuditChain}); a transaction that rolls
     * back leaves nothing to link.
     */
    private List<CommitWrites.Write> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(columns(e));
        }
        entries.clear();
        return List.of(CommitWrites.Write.insertRows("audit_pending", PENDING_COLUMNS, PENDING_TYPES, rows));
    }

    /** A record's content in the order of the trail's columns, from {@code at} to {@code client_address}. */
    static List<Object> columns(Entry e) {
        Actor a = e.actor();
        return java.util.Arrays.asList(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), a.subject(), a.name(),
                a.role(), a.province(), a.uscc(), e.action(), e.target(), e.outcome(), e.amountFen(), e.detail(),
                a.requestId(), a.clientAddress());
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
