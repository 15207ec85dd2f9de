package org.yrd.voucher.node.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.yrd.voucher.testkit.TestIdentities;
import org.yrd.voucher.testkit.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Pages;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RegistrationAndAdmissionTest {

    @Test
    void techSmeRegistersWithItsRegistrationNumberAndOnlyOnce() {
        String uscc = Fixtures.uscc("310115");
        Map<String, Object> body = Map.of("uscc", uscc, "name", "浦东量子科技有限公司", "recipientType", "TECH_SME",
                "smeRegistrationNo", "202631011500123", "smeRegistrationYear", 2026, "districtCode", "310115");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/enterprises").then().statusCode(201)
                .body("uscc", equalTo(uscc)).body("recipientType", equalTo("TECH_SME"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/enterprises").then().statusCode(409)
                .body("code", equalTo("enterprise-already-registered"));
        given().get("/api/v1/enterprises/{u}", uscc).then().statusCode(200).body("name", equalTo("浦东量子科技有限公司"));
    }

    @Test
    void techSmeWithoutRegistrationIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310115"), "name", "X",
                        "recipientType", "TECH_SME", "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("violations[0].field", equalTo("smeRegistrationNo"));
    }

    @Test
    void theOperatorsProviderListIsPagedAndAnUnknownStatusIsNamed() {
        String a = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String b = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        var admitted = Pages.all("/api/v1/operator/providers?status=ADMITTED", 2, "appliedAt");
        assertThat(admitted.stream().map(r -> r.get("uscc")).toList()).containsSubsequence(a, b);
        assertThat(admitted).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("ADMITTED"));
        assertThat(Pages.all("/api/v1/operator/providers", 3, "appliedAt").size()).isGreaterThanOrEqualTo(admitted.size());
        // an unknown state was JAX-RS's bare 404; it is a 400 that names the parameter and the allowed values
        given().get("/api/v1/operator/providers?status=admitted").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("ADMITTED"));
        Pages.refusesBadPaging("/api/v1/operator/providers");
    }

    @Test
    void providerLifecycleKeepsItsHistoryAndDisclosesOnlyAdmittedProviders() {
        String p = Fixtures.uscc("310104");
        given().contentType(ContentType.JSON).body(Map.of("uscc", p, "name", "上海测试研究院",
                        "categories", List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT"),
                        "qualifications", List.of(Map.of("kind", "CNAS", "number", "L1234"))))
                .post("/api/v1/providers").then().statusCode(201).body("status", equalTo("APPLIED"));
        given().get("/api/v1/public/providers").then().body("uscc", not(hasItem(p)));
        assertThat(Pages.all("/api/v1/operator/providers?status=APPLIED", 100, "appliedAt"))
                .anySatisfy(r -> assertThat(r.get("uscc")).isEqualTo(p))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("APPLIED"));

        decide(p, "admit", "CNAS accredited").then().statusCode(200).body("status", equalTo("ADMITTED"));
        given().get("/api/v1/public/providers").then().body("uscc", hasItem(p));
        decide(p, "suspend", "complaint under review").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().get("/api/v1/public/providers").then().body("uscc", not(hasItem(p)));
        decide(p, "admit", "complaint unfounded").then().statusCode(200);
        decide(p, "revoke", "falsified test reports").then().statusCode(200).body("status", equalTo("REVOKED"));
        decide(p, "admit", "appeal").then().statusCode(409).body("code", equalTo("illegal-provider-transition"));

        given().get("/api/v1/operator/providers/{p}/history", p).then().statusCode(200)
                .body("to", contains("APPLIED", "ADMITTED", "SUSPENDED", "ADMITTED", "REVOKED"))
                .body("[4].reason", equalTo("falsified test reports"));
    }

    @Test
    void unknownCategoriesAreRefusedAtApplication() {
        given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310104"), "name", "X",
                        "categories", List.of("TESTING_INSPECTION_CERTIFICATION", "YACHT_RENTAL"), "qualifications", List.of()))
                .post("/api/v1/providers").then().statusCode(400).body("violations[0].field", equalTo("categories[1]"));
    }

    @Test
    void aNegativeListedProviderIsNeverAdmitted() {
        String p = Fixtures.uscc("310104");
        given().contentType(ContentType.JSON).body(Map.of("uscc", p, "name", "X",
                "categories", List.of("SCI_TECH_CONSULTING"), "qualifications", List.of()))
                .post("/api/v1/providers").then().statusCode(201);
        Fixtures.operator("/negative-list", Map.of("partyUscc", p, "partyKind", "PROVIDER", "reason", "research misconduct",
                "partyName", "X")).then().statusCode(201);
        decide(p, "admit", "ok").then().statusCode(422).body("rule", equalTo("P13"));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
        // metrics are for the province's monitoring: not public
        given().header(TestIdentities.ANONYMOUS, true).get("/q/metrics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.Identity.operator("SH", "operator-1")))
                .get("/q/metrics").then().statusCode(200);
        // Prometheus signs in as the realm's yrd-monitoring client (k8s charts): metrics, and nothing else
        Tokens.Identity prometheus = new Tokens.Identity("SH", "service-account-yrd-monitoring", "monitoring", Map.of());
        given().header("Authorization", Tokens.bearer(prometheus)).get("/q/metrics").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(prometheus)).get("/api/v1/operator/notices").then().statusCode(403);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    static io.restassured.response.Response decide(String provider, String action, String reason) {
        return given().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/operator/providers/{p}/" + action, provider);
    }
}
