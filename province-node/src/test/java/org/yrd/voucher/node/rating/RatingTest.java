package org.yrd.voucher.node.rating;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** P8, P11: after payment the enterprise rates the service, once; the rating goes to the hub. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RatingTest {
    @Inject
    EntityManager em;

    private static io.restassured.response.Response rate(String enterprise, String id, Object score) {
        return given().contentType(ContentType.JSON).body(Map.of("score", score, "comment", "报告及时"))
                .post("/api/v1/enterprises/{e}/redemptions/{id}/rating", enterprise, id);
    }

    @Test
    void theEnterpriseRatesAPaidServiceOnceAndTheHubIsTold() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String id = file(e, filing(Fixtures.voucher(e, 1_000_000), provider, "INV-" + UUID.randomUUID(), 200_000, 100_000))
                .then().statusCode(201).extract().path("id");
        rate(e, id, 5).then().statusCode(409).body("code", equalTo("rating-before-payment"));
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
        Fixtures.operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-RT"), id).then().statusCode(200);

        rate(e, id, 6).then().statusCode(400).body("violations[0].field", equalTo("score"));
        rate(e, id, 4).then().statusCode(201).body("score", equalTo(4)).body("providerUscc", equalTo(provider));
        rate(e, id, 5).then().statusCode(409).body("code", equalTo("already-rated"));
        given().get("/api/v1/enterprises/{e}/redemptions/{id}/rating", e, id).then().statusCode(200)
                .body("score", equalTo(4)).body("comment", equalTo("报告及时"));
        String other = Fixtures.enterprise("310115");
        rate(other, id, 1).then().statusCode(404);

        long told = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox WHERE event_key = ?1 AND payload LIKE ?2").setParameter(1, id)
                .setParameter(2, "%" + EventTypes.RATING_GIVEN + "%").getSingleResult()).longValue());
        org.assertj.core.api.Assertions.assertThat(told).isEqualTo(1);
    }
}
