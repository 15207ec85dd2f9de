package org.yrd.voucher.node.publicity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** P12 publicity: notices and typical cases, published by operators, read by anyone, YRD-wide ones told to the hub. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class NoticeTest {
    @Inject
    EntityManager em;

    private static Map<String, Object> typicalCase(String title) {
        return Map.of("kind", "CASE", "title", title, "body", "一家浦东企业用创新券在本市完成了材料检测。",
                "category", "TESTING_INSPECTION_CERTIFICATION", "expenditureFen", 1_200_000, "voucherAmountFen", 600_000,
                "yrdWide", true);
    }

    @Test
    void aPublishedCaseIsReadByAnyoneInTheListTheFeedAndAtTheHub() {
        String title = "典型案例 " + System.nanoTime();
        String id = given().contentType(ContentType.JSON).body(typicalCase(title)).post("/api/v1/operator/notices")
                .then().statusCode(201).body("publishedBy", equalTo("operator-1")).extract().path("id");
        given().get("/api/v1/public/notices?kind=CASE").then().statusCode(200).body("title", hasItem(title))
                .body("find { it.id == '" + id + "' }.publishedBy", equalTo(null));
        given().get("/api/v1/public/notices/{id}", id).then().statusCode(200).body("voucherAmountFen", equalTo(600_000));
        given().get("/api/v1/public/notices.atom").then().statusCode(200).contentType(containsString("application/atom+xml"))
                .body(containsString("<title>" + title + "</title>"))
                .body(containsString("urn:yrd:notice:" + id));
        List<?> told = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT 1 FROM outbox WHERE event_key = ?1 AND payload LIKE ?2").setParameter(1, id)
                .setParameter(2, "%" + EventTypes.NOTICE_PUBLISHED + "%").getResultList());
        assertThat(told).hasSize(1);

        given().contentType(ContentType.JSON).body(Map.of("reason", "数据有误"))
                .post("/api/v1/operator/notices/{id}/withdraw", id).then().statusCode(200);
        given().get("/api/v1/public/notices").then().body("id", not(hasItem(id)));
        given().get("/api/v1/public/notices/{id}", id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/operator/notices/{id}/withdraw", id).then().statusCode(409);
    }

    @Test
    void aCaseNeverShowsAVoucherAboveTheExpenditureNorAnUnknownCategory() {
        var body = new java.util.HashMap<>(typicalCase("x"));
        body.put("voucherAmountFen", 1_200_001);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/operator/notices").then().statusCode(400)
                .body("violations[0].field", equalTo("voucherAmountFen"));
        body.put("voucherAmountFen", 1);
        body.put("category", "TIME_TRAVEL");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/operator/notices").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
    }
}
