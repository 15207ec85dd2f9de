package org.yrd.voucher.node.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Sql;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * A request whose transaction PostgreSQL rolls back as a deadlock's victim is decided again, not answered with a 500:
 * two requests take the same two rows in opposite orders on the node's real database, so that one of them is chosen;
 * both are answered, and what each one wrote is there exactly once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DeadlockVictimTest {
    @Inject
    Idempotency idempotency;

    @Inject
    Audit audit;

    @Inject
    AgroalDataSource db;

    @Test
    void theDeadlocksVictimIsDecidedAgainAndBothRequestsAreAnsweredOnce() throws Exception {
        String first = Fixtures.enterprise("310115");
        String second = Fixtures.enterprise("310115");
        String target = "deadlock-" + UUID.randomUUID();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Response> one = CompletableFuture.supplyAsync(
                () -> request(target + "-1", first, second, bothHoldOne, attempts));
        CompletableFuture<Response> other = CompletableFuture.supplyAsync(
                () -> request(target + "-2", second, first, bothHoldOne, attempts));

        assertThat(one.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(other.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(attempts).as("the victim's request decided a second time").hasValue(3);
        assertThat(Sql.audited(db, target + "-1")).isOne();
        assertThat(Sql.audited(db, target + "-2")).isOne();
    }

    /** Locks {@code a}, waits (first attempts only) until the other holds its first row, then locks {@code b}. */
    private Response request(String target, String a, String b, CyclicBarrier bothHoldOne, AtomicInteger attempts) {
        return idempotency.once("test deadlock", target, Map.of("target", target), 201, () -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            audit.record(Actor.system("test"), "test.deadlock", target, "decided", null, null);
            lock(a);
            if (firstAttempt) {
                try {
                    bothHoldOne.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other request never took its first row", e);
                }
            }
            lock(b);
            return Map.of("target", target);
        });
    }

    private void lock(String uscc) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM enterprise WHERE uscc = ? FOR UPDATE")) {
            s.setString(1, uscc);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
