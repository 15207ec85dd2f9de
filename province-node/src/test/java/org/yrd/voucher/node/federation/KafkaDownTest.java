package org.yrd.voucher.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaBroker;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;

/** With no broker at all the node goes on serving its province; what the federation must learn waits in the outbox. */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
@WithTestResource(PostgresResource.class)
class KafkaDownTest {
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + KafkaBroker.freePort());
        }
    }

    @Inject
    EntityManager em;

    @Test
    void localApplicationsAndRedemptionsGoOnAndTheirEventsWait() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(e, 1_000_000);
        String id = Fixtures.file(e, Fixtures.filing(voucher, provider, "KD-" + e.substring(10), 400_000, 200_000))
                .then().statusCode(201).extract().path("id");
        io.restassured.RestAssured.given().header("Idempotency-Key", "kd-" + id)
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        long unsent = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL").getSingleResult()).longValue());
        assertThat(unsent).isGreaterThanOrEqualTo(5); // admission, voucher issued, filed, confirmed, approved
    }
}
