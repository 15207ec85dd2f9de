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
import org.yrd.voucher.policy.Violation;

/**
 * {@code Idempotency-Key} for every POST with a money effect. The key is claimed in
 * the same transaction as the effect, so a retry either finds the first answer or waits for the first
 * attempt to commit; it never runs the effect twice. Refusals are remembered as well: a replay gets
 * the first answer, not a fresh evaluation. The same key with a different request is a 422.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = ProblemResponses.IDEMPOTENCY_KEY;

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

    @Scheduled(every = "${node.idempotency.purge-every}", delayed = "1m", identity = "idempotency-retention",
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
            return QuarkusTransaction.requiringNew().call(() -> {
                Response replay = claim(scope, key, hash);
                if (replay != null) {
                    return replay;
                }
                Object result = action.get();
                String body = write(result);
                // the answer is kept with the transaction's other last writes, in one statement at its commit
                commitWrites.beforeCommit(() -> List.of(new CommitWrites.Write(
                        "UPDATE idempotency_key SET status = ?, body = ? WHERE scope = ? AND key = ?",
                        List.of(status, body, scope, key))));
                return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
            });
        } catch (ProblemException p) {
            if (p.status() == 409 || p.status() == 422) {
                remember(scope, key, hash, p);
            }
            throw p;
        }
    }

    private Response claim(String scope, String key, String hash) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, key, request_hash, created_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        if (inserted == 1) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT request_hash, status, body, problem FROM idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw ProblemException.refused("idempotency-key-reused", null, key);
        }
        if (row[3] != null) {
            throw read((String) row[3]);
        }
        return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").entity(row[2]).build();
    }

    private void remember(String scope, String key, String hash, ProblemException p) {
        if ("idempotency-key-reused".equals(p.code())) {
            return;
        }
        String problem = write(new StoredProblem(p.status(), p.code(), p.rule(),
                p.args().stream().map(a -> a instanceof Messages.Key ? a : String.valueOf(a)).toList(), p.violations()));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, problem)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, p.status()).setParameter(6, problem)
                .executeUpdate());
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
