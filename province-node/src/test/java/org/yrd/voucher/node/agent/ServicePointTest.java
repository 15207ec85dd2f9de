package org.yrd.voucher.node.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.Tokens;

/** P9 service points: act for an enterprise only within its mandate; audited as theirs; never the payee. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ServicePointTest {
    private static RequestSpecification as(String agent) {
        return given().header("Authorization", Tokens.bearer(Tokens.Identity.agent("SH", agent)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON);
    }

    private static String grant(String enterprise, String agent, List<String> scopes) {
        return given().contentType(ContentType.JSON).body(Map.of("agentUscc", agent, "scopes", scopes, "validUntil",
                        TimeSource.today(TestClock.INSTANCE).plusDays(30).toString()))
                .post("/api/v1/enterprises/{e}/mandates", enterprise).then().statusCode(201)
                .body("enterpriseUscc", equalTo(enterprise)).extract().path("id");
    }

    @Test
    void aServicePointAppliesForAnEnterpriseThatAuthorisedItAndIsRecordedAsActingForIt() {
        String e = Fixtures.enterprise("310115");
        String agent = Fixtures.uscc("310104");
        String mandate = grant(e, agent, List.of("APPLY"));
        given().header("Authorization", Tokens.bearer(Tokens.Identity.agent("SH", agent)))
                .get("/api/v1/agents/{a}/mandates", agent).then().statusCode(200).body("id", hasItem(mandate));

        String application = as(agent).body(Map.of("amountFen", 500_000))
                .post("/api/v1/enterprises/{e}/applications", e).then().statusCode(201).extract().path("id");
        as(agent).get("/api/v1/enterprises/{e}/vouchers", e).then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(1));
        given().get("/api/v1/operator/audit?target=" + application).then()
                .body("find { it.action == 'application.filed' }.actorRole", equalTo("agent"))
                .body("find { it.action == 'application.filed' }.actorUscc", equalTo(agent))
                .body("find { it.action == 'application.filed' }.detail", equalTo("for " + e));

        // APPLY does not cover filing, nor another enterprise, nor another service point
        String voucher = given().get("/api/v1/enterprises/{e}/vouchers", e).then().extract().path("[0].id");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        as(agent).body(filing(voucher, provider, "INV-" + UUID.randomUUID(), 200_000, 100_000))
                .post("/api/v1/enterprises/{e}/redemptions", e).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("no-mandate")).body("rule", equalTo("P9"));
        String other = Fixtures.enterprise("310115");
        as(agent).body(Map.of("amountFen", 500_000)).post("/api/v1/enterprises/{e}/applications", other).then()
                .statusCode(403);
        as(Fixtures.uscc("310104")).get("/api/v1/enterprises/{e}/vouchers", e).then().statusCode(403);
        // nor anything the enterprise keeps for itself: mandates, ratings
        as(agent).body(Map.of("agentUscc", agent, "scopes", List.of("FILE"), "validUntil", "2026-05-01"))
                .post("/api/v1/enterprises/{e}/mandates", e).then().statusCode(403);

        given().contentType(ContentType.JSON).body(Map.of("reason", "服务站已更换"))
                .post("/api/v1/enterprises/{e}/mandates/{id}/revoke", e, mandate).then().statusCode(200);
        as(agent).body(Map.of("amountFen", 100_000)).post("/api/v1/enterprises/{e}/applications", e).then()
                .statusCode(403);
    }

    @Test
    void aServicePointFilesForTheEnterpriseAndTheMoneyGoesToTheEnterpriseNotToIt() {
        String e = Fixtures.enterprise("310115");
        String agent = Fixtures.uscc("310104");
        grant(e, agent, List.of("APPLY", "FILE"));
        String voucher = Fixtures.voucher(e, 1_000_000);
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        as(agent).body(filing(voucher, provider, "INV-" + UUID.randomUUID(), 200_000, 100_000))
                .post("/api/v1/enterprises/{e}/redemptions", e).then().statusCode(201)
                .body("payee", equalTo("ENTERPRISE")).body("payeeUscc", equalTo(e)); // SH: POST_SUBSIDY (P7)
    }

    @Test
    void aMandateIsLimitedToAYearAndNeverToTheEnterpriseItself() {
        String e = Fixtures.enterprise("310115");
        LocalDate today = TimeSource.today(TestClock.INSTANCE);
        for (Object[] bad : new Object[][] {{Fixtures.uscc("310104"), today.plusDays(367), "validUntil"},
                {Fixtures.uscc("310104"), today.minusDays(1), "validUntil"}, {e, today.plusDays(1), "agentUscc"},
                {"not-a-uscc", today.plusDays(1), "agentUscc"}}) {
            given().contentType(ContentType.JSON).body(Map.of("agentUscc", bad[0], "scopes", List.of("APPLY"),
                            "validUntil", bad[1].toString()))
                    .post("/api/v1/enterprises/{e}/mandates", e).then().statusCode(400)
                    .body("violations[0].field", equalTo(bad[2]));
        }
    }
}
