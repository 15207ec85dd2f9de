package org.yrd.voucher.node.common;

import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.yrd.voucher.federation.CommitWrites;
import org.yrd.voucher.federation.Retention;
import org.yrd.voucher.federation.Retry;
import org.yrd.voucher.policy.Violation;

/**
 * {@code Idempotency-Key} for every POST with a money effect. The key and the first answer are written in the same
 * transaction as the effect, as a part of its last statement at commit (federation-runtime {@link CommitWrites}): no
 * statement of its own. Another attempt of the same request (a retry, or the same request racing itself) runs in its
 * own transaction; whichever commits first writes the key, and the other's write of it waits for that commit and fails,
 * so its transaction rolls back and it answers with the first answer. The effect is never committed twice. Refusals are
 * remembered as well: a replay is answered with the first answer, whatever it would be given now. The same key with a
 * different request is a 422.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = ProblemResponses.IDEMPOTENCY_KEY;
    /** Attempts of a request whose transaction the database rolled back on its own (a deadlock's victim). */
    private static final int ROLLED_BACK_ATTEMPTS = 3;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Retention retention;
    private final NodeConfig config;
    private final CommitWrites commitWrites;

    Idempotency(EntityManager em, ObjectMapper json, Clock clock, Retention retention, NodeConfig config,
                CommitWrites commitWrites) {
        this.commitWrites = commitWrites;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.idempotency.purge-every}", delayed = "1m", identity = "idempotency-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Deletes keys older than {@code node.idempotency.retention}; returns how many. */
    public long purge() {
        return retention.olderThan("idempotency_key", "created_at",
                OffsetDateTime.now(clock).minus(config.idempotency().retention()));
    }

    /**
     * Runs {@code action} once for this key and scope; its result is returned with {@code status}.
     *
     * @param scope   what the key is for, e.g. {@code POST /enterprises/X/applications}
     * @param request the parsed request, whose canonical JSON identifies a replay
     */
    public Response once(String scope, String key, Object request, int status, Supplier<Object> action) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(HEADER, "idempotency-key-required");
        }
        if (key.length() > 100) {
            throw ProblemException.invalid(HEADER, "max-length", 100);
        }
        String hash = hash(scope, request);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> {
                        Object result = action.get();
                        String body = write(result);
                        // the key and its answer go with the transaction's other last writes, in one statement at its
                        // commit; the key written by another attempt first makes this one fail there (unique), and
                        // roll back
                        commitWrites.beforeCommit(() -> List.of(new CommitWrites.Write("""
                                INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
                                VALUES (?, ?, ?, ?, ?, ?)""",
                                List.of(scope, key, hash, OffsetDateTime.now(clock), status, body))));
                        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
                    });
                } catch (RuntimeException e) {
                    // the database chose this transaction as a deadlock's victim (or could not serialise it): all of
                    // it rolled back, so the request is decided again on fresh facts rather than answered with a 500
                    if (attempt >= ROLLED_BACK_ATTEMPTS || !Retry.rolledBack(e)) {
                        throw e;
                    }
                }
            }
        } catch (ProblemException p) {
            // refused; unless another attempt answered first (then its answer is this one's), the refusal is the answer
            Response first = p.status() == 409 || p.status() == 422 ? remember(scope, key, hash, p)
                    : answeredOr(scope, key, hash, p);
            if (first != null) {
                return first;
            }
            throw p;
        } catch (RuntimeException e) {
            // most often the key's write at commit, another attempt having written it first: its answer is this one's
            Response first = answeredOr(scope, key, hash, e);
            if (first != null) {
                return first;
            }
            throw e;
        }
    }

    /**
     * {@link #answered}, or {@code null} when the first answer cannot be read either (the database away): the caller
     * then answers with what failed first ({@code failure}), not with the look-up's own failure.
     */
    private Response answeredOr(String scope, String key, String hash, RuntimeException failure) {
        try {
            return answered(scope, key, hash);
        } catch (ProblemException replayed) {
            throw replayed;
        } catch (RuntimeException lookUp) {
            failure.addSuppressed(lookUp);
            return null;
        }
    }

    /**
     * The first answer given to this key, or {@code null} if none was: replayed as it was given (a refusal thrown
     * again); a 422 if the key was first used for another request.
     */
    private Response answered(String scope, String key, String hash) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT request_hash, status, body, problem FROM idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.refused("idempotency-key-reused", null, key);
        }
        if (row[3] != null) {
            throw read((String) row[3]);
        }
        return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").entity(row[2]).build();
    }

    /**
     * Keeps a refusal as the key's answer; if another attempt answered first, that answer ({@link #answered}) instead.
     */
    private Response remember(String scope, String key, String hash, ProblemException p) {
        if ("idempotency-key-reused".equals(p.code())) {
            return null;
        }
        String problem = write(new StoredProblem(p.status(), p.code(), p.rule(),
                p.args().stream().map(a -> a instanceof Messages.Key ? a : String.valueOf(a)).toList(), p.violations()));
        int kept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, problem)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, p.status()).setParameter(6, problem)
                .executeUpdate());
        return kept == 1 ? null : answered(scope, key, hash);
    }

    /** A problem as first answered; an argument to be rendered in the reader's language is kept as {"key": …}. */
    record StoredProblem(int status, String code, String rule, List<Object> args, List<Violation> violations) {}

    private ProblemException read(String stored) {
        try {
            StoredProblem p = json.readValue(stored, StoredProblem.class);
            List<Object> args = p.args().stream()
                    .map(a -> a instanceof java.util.Map<?, ?> m ? new Messages.Key((String) m.get("key")) : a).toList();
            return new ProblemException(p.status(), p.code(), p.rule(), args, p.violations());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored problem", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass(), e);
        }
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
