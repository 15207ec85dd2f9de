package org.yrd.voucher.node.voucher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.yrd.voucher.node.testing.Fixtures.apply;
import static org.yrd.voucher.node.testing.Fixtures.operator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Pages;
import org.yrd.voucher.node.testing.TestClock;

/** Shanghai's demo policy: POST_SUBSIDY 50 %, 100,000 yuan per application, 300,000 a year, auto ≤ 20,000. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VoucherLifecycleTest {
    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;


    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void smallApplicationIsApprovedAtOnceAndIssuesAVoucher() {
        String e = Fixtures.enterprise("310115");
        apply(e, 1_500_000).then().statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("auto-approval"))
                .body("policyVersion", equalTo(1))
                .body("voucherId", notNullValue());
        given().get("/api/v1/enterprises/{u}/vouchers", e).then().statusCode(200)
                .body("[0].faceValueFen", equalTo(1_500_000))
                .body("[0].availableFen", equalTo(1_500_000))
                .body("[0].issuedOn", equalTo("2026-04-15"))
                .body("[0].expiresOn", equalTo("2027-04-14"));
    }

    @Test
    void theOperatorsApplicationQueueComesAPageAtATimeOldestFirst() {
        String e = Fixtures.enterprise("310115");
        java.util.List<Object> ours = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            TestClock.INSTANCE.set(TestClock.DEFAULT.plusSeconds(600 + k));
            ours.add(apply(e, 5_000_000 + k).then().statusCode(201).body("status", equalTo("PENDING"))
                    .extract().path("id"));
        }
        var queue = Pages.all("/api/v1/operator/applications/pending", 2, "filedAt");
        assertThat(Pages.ids(queue)).containsSubsequence(ours.toArray());
        assertThat(queue).allSatisfy(a -> assertThat(a.get("status")).isEqualTo("PENDING"));
        // a decided application leaves the queue
        operator("/applications/{id}/reject", Map.of("reason", "budget plan missing"), ours.get(1)).then().statusCode(200);
        assertThat(Pages.ids(Pages.all("/api/v1/operator/applications/pending", 2, "filedAt")))
                .contains(ours.get(0), ours.get(2)).doesNotContain(ours.get(1));
        Pages.refusesBadPaging("/api/v1/operator/applications/pending");
    }

    @Test
    void largeApplicationWaitsForTheOperatorWhoApprovesOrRejects() {
        String e = Fixtures.enterprise("310115");
        String id = apply(e, 5_000_000).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("voucherId", nullValue()).extract().path("id");
        assertThat(Pages.ids(Pages.all("/api/v1/operator/applications/pending", 100, "filedAt"))).contains(id);

        operator("/applications/{id}/approve", Map.of("reason", "R&D plan checked"), id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("operator-1"))
                .body("voucherId", notNullValue());
        operator("/applications/{id}/reject", Map.of("reason", "too late"), id).then().statusCode(409)
                .body("code", equalTo("application-already-decided"));

        String e2 = Fixtures.enterprise("310115");
        String id2 = apply(e2, 5_000_000).then().extract().path("id");
        operator("/applications/{id}/reject", Map.of("reason", "no R&D plan"), id2).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("no R&D plan"));
        given().get("/api/v1/enterprises/{u}/vouchers", e2).then().body("size()", equalTo(0));
    }

    @Test
    void refusesAboveThePerApplicationCapCitingP6() {
        String e = Fixtures.enterprise("310115");
        apply(e, 10_000_001).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yrd:problem:per-application-cap-exceeded"))
                .body("rule", equalTo("P6"))
                .body("status", equalTo(422))
                .body("detail", equalTo("申领金额 100,000.01 元超过单次申领上限 100,000.00 元（P6）。"));
    }

    @Test
    void answersInEnglishWhenAsked() {
        String e = Fixtures.enterprise("310115");
        given().contentType(ContentType.JSON).header("Accept-Language", "en-GB,en;q=0.9")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amountFen", 10_000_001))
                .post("/api/v1/enterprises/{u}/applications", e).then().statusCode(422)
                .header("Content-Language", "en")
                .body("title", equalTo("Refused under the voucher policy"))
                .body("detail", equalTo("The amount of 100,000.01 yuan exceeds the per-application cap of 100,000.00 yuan (P6)."));
    }

    @Test
    void annualCapCountsEverythingIssuedThisYear() {
        String e = Fixtures.enterprise("310115");
        // three operator-approved applications of 100,000 yuan reach the 300,000 yuan cap
        for (int i = 0; i < 3; i++) {
            String id = apply(e, 10_000_000).then().statusCode(201).extract().path("id");
            operator("/applications/{id}/approve", Map.of("reason", "ok"), id).then().statusCode(200);
            spendEightyPercentOfEverything(e);
        }
        apply(e, 100).then().statusCode(422).body("code", equalTo("annual-cap-exceeded")).body("rule", equalTo("P6"));
    }

    @Test
    void asksForUseOfEarlierVouchersBeforeANewApplication() {
        String e = Fixtures.enterprise("310115");
        Fixtures.voucher(e, 1_000_000);
        apply(e, 1_000_000).then().statusCode(422).body("code", equalTo("previous-vouchers-underused"))
                .body("detail", equalTo("仍有效的创新券使用率须达到 80% 后方可再次申领（少量多次，P6）。"));
        spendEightyPercentOfEverything(e);
        apply(e, 1_000_000).then().statusCode(201).body("status", equalTo("APPROVED"));
    }

    @Test
    void negativeListedEnterpriseCannotApply() {
        String e = Fixtures.enterprise("310115");
        String entry = operator("/negative-list", Map.of("partyUscc", e, "partyKind", "ENTERPRISE",
                "reason", "false invoice in 2025")).then().statusCode(201).extract().path("id");
        apply(e, 100_000).then().statusCode(422).body("rule", equalTo("P13"));
        given().get("/api/v1/public/negative-list").then().body("partyUscc", hasItem(e));

        // P13 maker-checker: one operator asks, the entry stays in force; the same one cannot confirm; another can
        operator("/negative-list/{id}/end", Map.of("reason", "sanction served"), entry).then().statusCode(200)
                .body("endRequestedBy", org.hamcrest.Matchers.notNullValue()).body("endedAt", org.hamcrest.Matchers.nullValue());
        apply(e, 100_000).then().statusCode(422).body("rule", equalTo("P13"));
        operator("/negative-list/{id}/end", Map.of("reason", "again"), entry).then().statusCode(409)
                .body("code", equalTo("end-already-requested"));
        given().post("/api/v1/operator/negative-list/{id}/end/confirm", entry).then().statusCode(403)
                .body("code", equalTo("same-person-requested")).body("rule", equalTo("P13"));
        given().header("Authorization", org.yrd.voucher.testkit.Tokens.bearer(
                        org.yrd.voucher.testkit.Tokens.Identity.operator("SH", "operator-2")))
                .post("/api/v1/operator/negative-list/{id}/end/confirm", entry).then().statusCode(200)
                .body("endedReason", equalTo("sanction served"));
        apply(e, 100_000).then().statusCode(201);
        given().get("/api/v1/operator/audit?target=" + e).then()
                .body("action", hasItem("negative-list.end-requested")).body("action", hasItem("negative-list.end"))
                .body("outcome", hasItem("refused:same-person-requested"));
    }

    @Test
    void replayedIdempotencyKeyReturnsTheFirstAnswerAndIssuesOnce() {
        String e = Fixtures.enterprise("310115");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("amountFen", 300_000)).post("/api/v1/enterprises/{u}/applications", e)
                .then().statusCode(201).extract().asString();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("amountFen", 300_000)).post("/api/v1/enterprises/{u}/applications", e)
                    .then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body(equalTo(first));
        }
        given().get("/api/v1/enterprises/{u}/vouchers", e).then().body("size()", equalTo(1));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("amountFen", 300_001)).post("/api/v1/enterprises/{u}/applications", e)
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        given().contentType(ContentType.JSON)
                .body(Map.of("amountFen", 300_000)).post("/api/v1/enterprises/{u}/applications", e)
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void idempotencyKeysPastRetentionAreForgottenAndRecentOnesStillReplay() {
        String e = Fixtures.enterprise("310115");
        String recent = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", recent).body(Map.of("amountFen", 300_000))
                .post("/api/v1/enterprises/{u}/applications", e).then().statusCode(201);
        String old = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
                        VALUES ('test', ?1, repeat('0', 64), ?2, 201, '{}')""")
                .setParameter(1, old).setParameter(2, OffsetDateTime.now(clock).minusDays(31)).executeUpdate());

        assertThat(idempotency.purge()).isGreaterThanOrEqualTo(1);

        // node.idempotency.retention is 30 days
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT key FROM idempotency_key WHERE key IN (?1, ?2)").setParameter(1, old).setParameter(2, recent)
                .getResultList())).containsExactly(recent);
        given().contentType(ContentType.JSON).header("Idempotency-Key", recent).body(Map.of("amountFen", 300_000))
                .post("/api/v1/enterprises/{u}/applications", e).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
    }

    @Test
    void replayedRefusalStaysARefusal() {
        String e = Fixtures.enterprise("310115");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("amountFen", 20_000_000)).post("/api/v1/enterprises/{u}/applications", e)
                    .then().statusCode(422).body("code", equalTo("per-application-cap-exceeded"));
        }
    }

    @Test
    void publicDisclosureListsRecipientsWithTheirAmounts() {
        String e = Fixtures.enterprise("310115");
        Fixtures.voucher(e, 123_400);
        given().get("/api/v1/public/recipients").then().statusCode(200)
                .body("find { it.uscc == '" + e + "' }.issuedFen", equalTo(123_400));
    }

    @Test
    void vouchersExpireAtTheEndOfTheirValidityWithLedgerEntries() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(java.util.List.of("TESTING_INSPECTION_CERTIFICATION"));
        String v = Fixtures.voucher(e, 1_000_000);
        Fixtures.file(e, Fixtures.filing(v, provider, "INV-EXP-" + e.substring(10), 400_000, 200_000))
                .then().statusCode(201);
        var before = Fixtures.balance(2026);

        TestClock.INSTANCE.setDay(java.time.LocalDate.of(2027, 4, 15));
        Fixtures.runExpiryJobs();

        var voucher = Fixtures.voucherOf(e, v);
        assertThat(voucher.get("status")).isEqualTo("EXPIRED");
        // the provider never confirmed within 30 days: the hold came back first, then the whole voucher expired
        assertThat(voucher.get("heldFen")).isEqualTo(0);
        assertThat(voucher.get("expiredFen")).isEqualTo(1_000_000);
        given().get("/api/v1/enterprises/{u}/redemptions", e).then().body("[0].status", equalTo("EXPIRED"));
        var after = Fixtures.balance(2026);
        assertThat(after.get("reconciles")).isEqualTo(true);
        assertThat(((Number) after.get("expiredFen")).longValue() - ((Number) before.get("expiredFen")).longValue())
                .isGreaterThanOrEqualTo(1_000_000);
    }

    /** Redeems enough of every active voucher of the enterprise to pass the 80 % usage rule. */
    static void spendEightyPercentOfEverything(String enterprise) {
        String provider = Fixtures.admittedProvider(java.util.List.of("TESTING_INSPECTION_CERTIFICATION"));
        java.util.List<Map<String, Object>> vouchers = given().get("/api/v1/enterprises/{u}/vouchers", enterprise)
                .then().extract().jsonPath().getList("$");
        for (var v : vouchers) {
            long spend = ((Number) v.get("faceValueFen")).longValue() * 8 / 10 - ((Number) v.get("heldFen")).longValue()
                    - ((Number) v.get("redeemedFen")).longValue();
            if (spend > 0 && "ACTIVE".equals(v.get("status"))) {
                Fixtures.file(enterprise, Fixtures.filing((String) v.get("id"), provider,
                        "INV-" + UUID.randomUUID().toString().substring(0, 8), spend * 2, spend)).then().statusCode(201);
            }
        }
    }
}
