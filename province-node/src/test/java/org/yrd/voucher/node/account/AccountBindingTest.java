package org.yrd.voucher.node.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.Tokens;

/**
 * A self-registered account (role {@code applicant} only, no USCC, no province) asks to act for a company and can do
 * nothing else until an operator decides; the decisions are audited. Confirming it at the real realm is FederationIT's.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AccountBindingTest {
    private static RequestSpecification as(String account) {
        return given().header("Authorization", Tokens.bearer(new Tokens.Identity("SH", account, "applicant", Map.of())))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON);
    }

    @Test
    void aSelfRegisteredAccountWaitsForAnOperatorAndCanDoNothingElseMeanwhile() {
        String account = "self-" + UUID.randomUUID();
        String uscc = Fixtures.uscc("310115");
        as(account).get("/api/v1/account/binding").then().statusCode(404);
        String id = as(account).body(Map.of("uscc", uscc, "companyName", "上海自助注册科技有限公司", "kind", "ENTERPRISE"))
                .post("/api/v1/account/binding").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("uscc", equalTo(uscc)).extract().path("id");
        as(account).body(Map.of("uscc", uscc, "companyName", "再来一次", "kind", "ENTERPRISE"))
                .post("/api/v1/account/binding").then().statusCode(409).body("code", equalTo("account-binding-open"));

        // nothing else: neither an enterprise's pages, nor registering as the company, nor the public's forms' roles
        as(account).get("/api/v1/enterprises/{u}/vouchers", uscc).then().statusCode(403);
        as(account).body(Map.of("uscc", uscc, "name", "x", "recipientType", "TECH_SME", "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(403);
        as(account).get("/api/v1/operator/account-bindings").then().statusCode(403);

        given().get("/api/v1/operator/account-bindings").then().statusCode(200).body("id", hasItem(id));
        given().contentType(ContentType.JSON).body(Map.of("reason", "营业执照名称与申请不符"))
                .post("/api/v1/operator/account-bindings/{id}/reject", id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("operator-1"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/operator/account-bindings/{id}/confirm", id).then().statusCode(409)
                .body("code", equalTo("account-binding-decided"));
        given().get("/api/v1/operator/account-bindings").then().body("id", not(hasItem(id)));
        given().get("/api/v1/operator/audit?target=" + id).then().statusCode(200)
                .body("action", hasItem("account.binding-requested")).body("action", hasItem("account.binding-rejected"));
        as(account).get("/api/v1/account/binding").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("营业执照名称与申请不符"));

        // a rejected account may ask again; without the realm's admin client the confirmation changes nothing (503)
        String again = as(account).body(Map.of("uscc", uscc, "companyName", "上海自助注册科技有限公司", "kind", "PROVIDER"))
                .post("/api/v1/account/binding").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "执照已核"))
                .post("/api/v1/operator/account-bindings/{id}/confirm", again).then().statusCode(503)
                .body("code", equalTo("identity-admin-unavailable"));
        given().get("/api/v1/operator/account-bindings?status=PENDING").then().body("id", hasItem(again));
    }

    @Test
    void aRequestIsCheckedLikeAnyOther() {
        String account = "self-" + UUID.randomUUID();
        as(account).body(Map.of("uscc", "91310115DEM00000XX", "companyName", "x", "kind", "ENTERPRISE"))
                .post("/api/v1/account/binding").then().statusCode(400).body("violations[0].field", equalTo("uscc"));
        as(account).body(Map.of("uscc", Fixtures.uscc("310115"), "companyName", "x", "kind", "BANK"))
                .post("/api/v1/account/binding").then().statusCode(400);
        // an account already acting for a company needs no binding
        String e = Fixtures.uscc("310115");
        given().header("Authorization", Tokens.bearer(new Tokens.Identity("SH", e.toLowerCase(), "applicant",
                        Map.of("uscc", e, "province", "SH")))).contentType(ContentType.JSON)
                .body(Map.of("uscc", e, "companyName", "x", "kind", "ENTERPRISE"))
                .post("/api/v1/account/binding").then().statusCode(409).body("code", equalTo("account-already-bound"));
    }
}
