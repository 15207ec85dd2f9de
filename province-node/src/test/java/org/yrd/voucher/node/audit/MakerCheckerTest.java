package org.yrd.voucher.node.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;
import static org.yrd.voucher.node.testing.Fixtures.operator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.policy.PolicyVersionTest;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.Tokens;
import org.yrd.voucher.testkit.Tokens.Identity;

/** P13 strict process management: who approves does not pay; who drafts a policy does not confirm it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MakerCheckerTest {
    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theOfficerWhoApprovedARedemptionCannotRecordItsPayment() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String application = Fixtures.apply(e, 10_000_000).then().extract().path("id");
        String voucher = operator("/applications/{id}/approve", Map.of("reason", "ok"), application).then()
                .extract().path("voucherId");
        String id = file(e, filing(voucher, provider, "INV-" + UUID.randomUUID(), 12_000_000, 6_000_000))
                .then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
        // one person holding both roles: approves as an operator …
        String both = Tokens.bearer(new Identity("SH", "li-wei", "operator", Map.of("province", "SH")));
        given().header("Authorization", both).contentType(ContentType.JSON).body(Map.of("reason", "documents complete"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/operator/redemptions/{id}/approve", id).then().statusCode(200)
                .body("decidedBy", equalTo("li-wei"));
        // … and may not then pay it as a finance officer
        String sameAsFinance = Tokens.bearer(new Identity("SH", "li-wei", "finance", Map.of("province", "SH")));
        given().header("Authorization", sameAsFinance).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("paymentReference", "BANK-1"))
                .post("/api/v1/operator/redemptions/{id}/pay", id).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("same-person-approved"))
                .body("rule", equalTo("P13"));
        given().get("/api/v1/operator/audit?target=" + id).then()
                .body("outcome", hasItem("refused:same-person-approved"));
        // another finance officer pays
        operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-2"), id).then().statusCode(200)
                .body("status", equalTo("PAID")).body("decidedBy", equalTo("li-wei")).body("paidBy", equalTo("finance-1"));
    }

    @Test
    void aPolicyVersionTakesEffectOnlyWhenASecondOperatorConfirmsIt() {
        TestClock.INSTANCE.setDay(LocalDate.of(2029, 5, 1));
        int before = given().get("/api/v1/public/policy").then().extract().path("version");
        String draft = given().contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", "2029-05-01", "policy", PolicyVersionTest.policy(), "note", "pilot zone"))
                .post("/api/v1/operator/policy/drafts").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("draftedBy", equalTo("operator-1")).extract().path("id");
        given().get("/api/v1/public/policy").then().body("version", equalTo(before));

        given().post("/api/v1/operator/policy/drafts/{id}/confirm", draft).then().statusCode(403)
                .body("code", equalTo("same-person-drafted")).body("rule", equalTo("P13"));
        given().get("/api/v1/public/policy").then().body("version", equalTo(before));

        String second = Tokens.bearer(Identity.operator("SH", "operator-2"));
        int version = given().header("Authorization", second).post("/api/v1/operator/policy/drafts/{id}/confirm", draft)
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).body("confirmedBy", equalTo("operator-2"))
                .extract().path("version");
        given().get("/api/v1/public/policy").then().body("version", equalTo(version));
        given().get("/api/v1/operator/policy/drafts").then()
                .body("find { it.id == '" + draft + "' }.draftedBy", equalTo("operator-1"))
                .body("find { it.id == '" + draft + "' }.confirmedBy", equalTo("operator-2"))
                .body("find { it.id == '" + draft + "' }.version", equalTo(version));
        given().header("Authorization", second).post("/api/v1/operator/policy/drafts/{id}/confirm", draft)
                .then().statusCode(409).body("code", equalTo("draft-already-confirmed"));
    }
}
