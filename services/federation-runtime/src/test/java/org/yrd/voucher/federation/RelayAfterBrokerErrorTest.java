package org.yrd.voucher.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.testkit.KafkaBroker;
import org.yrd.voucher.testkit.PostgresResource;

/** While the broker is away, events wait in the outbox; when it comes back, the relay publishes them in order. */
@QuarkusTest
@TestProfile(RelayAfterBrokerErrorTest.BrokerNotYetThere.class)
@WithTestResource(PostgresResource.class)
class RelayAfterBrokerErrorTest {
    static final int PORT = KafkaBroker.freePort();

    public static class BrokerNotYetThere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + PORT,
                    "mp.messaging.outgoing.federation-out.reconnect.backoff.max.ms", "1000");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void eventsWaitForTheBrokerAndThenArriveInOrder() throws Exception {
        String key = "later-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            int step = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.publish("yrd.runtime-test", key,
                    "yrd.test.step-" + step + ".v1", Map.of("step", step)));
        }
        Thread.sleep(2_000);
        assertThat(unsent(key)).isEqualTo(3);

        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kafka-late-" + ProcessHandle.current().pid());
        Process broker = KafkaBroker.start(dir, PORT);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> unsent(key) == 0);
            assertThat(Topic.eventsWithKey("127.0.0.1:" + PORT, "yrd.runtime-test", key, 3))
                    .extracting(CloudEvent::type)
                    .containsExactly("yrd.test.step-0.v1", "yrd.test.step-1.v1", "yrd.test.step-2.v1");
        } finally {
            broker.destroy();
        }
    }

    long unsent(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE event_key = ?1 AND sent_at IS NULL").setParameter(1, key)
                .getSingleResult()).longValue());
    }
}
