package org.yrd.voucher.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** The outbox, relay, inbox and retry on their own, on a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxAndInboxTest {
    static final String TOPIC = "yrd.runtime-test";

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aTransactionsEventsReachTheBrokerInTheOrderTheyWerePublished() {
        String key = "order-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                outbox.publish(TOPIC, key, "yrd.test.step-" + i + ".v1", Map.of("step", i));
            }
        });
        assertThat(Topic.eventsWithKey(bootstrap, TOPIC, key, 5)).extracting(CloudEvent::type).containsExactly(
                "yrd.test.step-0.v1", "yrd.test.step-1.v1", "yrd.test.step-2.v1", "yrd.test.step-3.v1",
                "yrd.test.step-4.v1");
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent(key) == 0);
    }

    /**
     * A transaction's events are written as one INSERT of the same text whatever their number (each column one array):
     * every row arrives, in the order published, with every character of its content, whatever it holds.
     */
    @Test
    void aTransactionsEventsOfAnyNumberAreWrittenInOrderWithEveryCharacter() {
        assertThat(CommitWrites.Write.insertRows("t", List.of("a"), List.of("varchar"), List.of(List.of("x"))).sql())
                .isEqualTo(CommitWrites.Write.insertRows("t", List.of("a"), List.of("varchar"),
                        List.of(List.of("x"), List.of("y"), List.of("z"))).sql());
        String[] awkward = {"{", "}", "\"", "\\", ",", "NULL", "null", "", " ", "中文 ,{}", "a\nb", "'; DROP TABLE outbox; --"};
        for (int n : new int[] {1, 2, 37}) {
            String key = "rows-" + n + "-" + UUID.randomUUID();
            List<String> published = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < n; i++) {
                    String name = i + awkward[i % awkward.length];
                    published.add(outbox.publish(TOPIC, key, "yrd.test.rows.v1", Map.of("name", name)).id());
                }
            });
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT cast(event_id AS varchar), payload FROM outbox WHERE event_key = ?1 ORDER BY id")
                    .setParameter(1, key).getResultList());
            assertThat(rows).hasSize(n);
            for (int i = 0; i < n; i++) {
                Object[] row = (Object[]) rows.get(i);
                assertThat(row[0]).as("row %d of %d", i, n).isEqualTo(published.get(i));
                assertThat(EventCodec.data(EventCodec.read((String) row[1]), Map.class).get("name"))
                        .isEqualTo(i + awkward[i % awkward.length]);
            }
        }
    }

    @Test
    void aTransactionThatRollsBackPublishesNothing() {
        String key = "rollback-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(TOPIC, key, "yrd.test.never.v1", Map.of());
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE event_key = ?1").setParameter(1, key).getSingleResult()).longValue()))
                .isZero();
    }

    @Test
    void anEventRepeatedWithinABatchOrRedeliveredTakesEffectOnce() {
        CloudEvent a = event("a"), b = event("b");
        List<String> applied = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> inbox.eachFirstDelivery(List.of(a, a, b, a), e -> applied.add(
                EventCodec.data(e, Map.class).get("name").toString())));
        assertThat(applied).containsExactly("a", "b");
        // the whole batch delivered again, e.g. after a crash before the offset was committed
        QuarkusTransaction.requiringNew().run(() -> inbox.eachFirstDelivery(List.of(b, a), e -> applied.add("again")));
        assertThat(applied).containsExactly("a", "b");
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(a))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(event("c")))).isTrue();
    }

    @Test
    void anEffectThatFailsLeavesItsEventUnrecordedSoItIsAppliedOnRedelivery() {
        CloudEvent a = event("fails-once");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> inbox.eachFirstDelivery(List.of(a), e -> {
            throw new IllegalStateException("the database went away");
        }))).isInstanceOf(IllegalStateException.class);
        List<CloudEvent> applied = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> inbox.eachFirstDelivery(List.of(a), applied::add));
        assertThat(applied).containsExactly(a);
    }

    @Test
    void serialisationFailuresAndLockConflictsAreRetriedInAFreshTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        Retry.inTransaction(() -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw new RuntimeException(new SQLException("could not serialize access", "40001"));
            }
            if (n == 2) {
                throw new PessimisticLockException("deadlock detected");
            }
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetriedSoTheMessageStaysUnacknowledged() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Retry.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("malformed");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aRealSerialisationFailureIsRetried() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "CREATE TABLE IF NOT EXISTS counter (id INT PRIMARY KEY, n INT NOT NULL); "
                        + "INSERT INTO counter VALUES (1, 0) ON CONFLICT DO NOTHING").executeUpdate());
        // two SERIALIZABLE increments that read before either writes: one of them fails with 40001 and is retried
        var bothRead = new java.util.concurrent.CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        Runnable increment = () -> Retry.inTransaction(() -> {
            attempts.incrementAndGet();
            em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").executeUpdate();
            Number n = (Number) em.createNativeQuery("SELECT n FROM counter WHERE id = 1").getSingleResult();
            try {
                bothRead.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception timeout) {
                // the retry runs alone
            }
            em.createNativeQuery("UPDATE counter SET n = ?1 WHERE id = 1").setParameter(1, n.intValue() + 1)
                    .executeUpdate();
        });
        Thread other = new Thread(increment);
        other.start();
        increment.run();
        other.join();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT n FROM counter WHERE id = 1").getSingleResult()).intValue())).isEqualTo(2);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    }

    long unsent(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE event_key = ?1 AND sent_at IS NULL").setParameter(1, key)
                .getSingleResult()).longValue());
    }

    static CloudEvent event(String name) {
        return EventCodec.envelope("/yrd/test", "yrd.test.named.v1", name, Instant.now(), Map.of("name", name));
    }
}
