package org.yrd.voucher.node.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;
import static org.yrd.voucher.node.testing.Fixtures.operator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.EventProducer;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** P13 risk prevention: each screening rule flags what it should, and a flag holds the redemption for an operator. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RiskScreeningTest {
    private static final String TIC = "TESTING_INSPECTION_CERTIFICATION";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** An enterprise with a voucher of {@code amountFen} approved by an operator (above the auto-approval threshold). */
    private static String voucher(String enterprise, long amountFen) {
        String application = Fixtures.apply(enterprise, amountFen).then().statusCode(201).extract().path("id");
        return operator("/applications/{id}/approve", Map.of("reason", "ok"), application).then().statusCode(200)
                .extract().path("voucherId");
    }

    private static String fileOne(String e, String voucher, String provider, long voucherAmount, boolean related) {
        Map<String, Object> body = new HashMap<>(filing(voucher, provider, "INV-" + UUID.randomUUID(), voucherAmount * 2,
                voucherAmount));
        if (related) {
            body.put("relationDeclared", true);
        }
        return file(e, body).then().statusCode(201).extract().path("id");
    }

    private static void confirm(String provider, String id) {
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse flags(String redemption) {
        return given().get("/api/v1/operator/redemptions/{id}/risk-flags", redemption).then().statusCode(200);
    }

    private static String status(String enterprise, String id) {
        return given().get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, id).then().extract().path("status");
    }

    @Test
    void aPurchaseSplitUnderTheAutoApprovalThresholdIsFlaggedAndWaitsForAnOperator() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of(TIC));
        String v = voucher(e, 3_000_000);
        // SH approves up to 20,000 yuan without an operator: 12,000 + 12,000 yuan is one 24,000-yuan purchase split
        String first = fileOne(e, v, provider, 1_200_000, false);
        String second = fileOne(e, v, provider, 1_200_000, false);
        flags(first).body("$", hasSize(0));
        flags(second).body("rule", equalTo(List.of("SPLIT_PURCHASE"))).body("[0].status", equalTo("OPEN"))
                .body("[0].evidence.sumFen", equalTo(2_400_000)).body("[0].evidence.earlier", equalTo(List.of(first)))
                .body("[0].explanation", containsString("拆分申报"));
        given().header("Accept-Language", "en").get("/api/v1/operator/redemptions/{id}/risk-flags", second).then()
                .body("[0].explanation", containsString("Split purchase: 2 filings"));

        confirm(provider, first);
        confirm(provider, second);
        org.assertj.core.api.Assertions.assertThat(status(e, first)).isEqualTo("APPROVED");
        org.assertj.core.api.Assertions.assertThat(status(e, second)).isEqualTo("PROVIDER_CONFIRMED"); // never automatic
        operator("/redemptions/{id}/approve", Map.of("reason", "ok"), second).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("risk-flags-open"));

        String flag = given().get("/api/v1/operator/risk-flags?status=OPEN&limit=500").then().statusCode(200)
                .body("redemptionId", hasItem(second)).extract().jsonPath()
                .getString("find { it.redemptionId == '" + second + "' }.id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "two separate test campaigns, contracts checked"))
                .post("/api/v1/operator/risk-flags/{id}/clear", flag).then().statusCode(200)
                .body("status", equalTo("CLEARED")).body("decidedBy", equalTo("operator-1"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/operator/risk-flags/{id}/confirm", flag).then().statusCode(409)
                .body("code", equalTo("risk-flag-decided"));
        // P13 maker-checker: the operator who cleared the flag may not approve; a second operator does
        operator("/redemptions/{id}/approve", Map.of("reason", "flag cleared"), second).then().statusCode(403)
                .body("code", equalTo("same-person-cleared")).body("rule", equalTo("P13"));
        given().header("Authorization", org.yrd.voucher.testkit.Tokens.bearer(
                        org.yrd.voucher.testkit.Tokens.Identity.operator("SH", "operator-2")))
                .contentType(ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("reason", "flag cleared by a colleague")).post("/api/v1/operator/redemptions/{id}/approve", second)
                .then().statusCode(200);
        given().get("/api/v1/operator/audit?target=" + second).then().statusCode(200)
                .body("action", hasItem("risk.raised")).body("action", hasItem("risk.cleared"))
                .body("outcome", hasItem("refused:same-person-cleared"));
    }

    @Test
    void partiesSharingAPhoneOrDeclaringARelationAreFlagged() {
        String e = Fixtures.uscc("310115");
        given().contentType(ContentType.JSON).body(Map.of("uscc", e, "name", "关联测试有限公司", "recipientType", "TECH_SME",
                        "smeRegistrationNo", "2026" + e.substring(10, 17), "smeRegistrationYear", 2025, "districtCode",
                        "310115", "legalRepresentative", "张三", "contactPhone", "021-5555 0101"))
                .post("/api/v1/enterprises").then().statusCode(201).body("contactPhone", equalTo("021-5555 0101"));
        String provider = Fixtures.uscc("310104");
        given().contentType(ContentType.JSON).body(Map.of("uscc", provider, "name", "关联检测中心", "categories", List.of(TIC),
                        "qualifications", List.of(), "legalRepresentative", "李四", "contactPhone", "(021) 55550101"))
                .post("/api/v1/providers").then().statusCode(201);
        operator("/providers/{uscc}/admit", Map.of("reason", "ok"), provider).then().statusCode(200);
        String v = Fixtures.voucher(e, 1_000_000);
        String id = fileOne(e, v, provider, 100_000, false);
        flags(id).body("rule", equalTo(List.of("RELATED_PARTY")))
                .body("[0].evidence.sharedTraits", equalTo(List.of("CONTACT_PHONE")));
        confirm(provider, id);
        org.assertj.core.api.Assertions.assertThat(status(e, id)).isEqualTo("PROVIDER_CONFIRMED");

        String unrelated = Fixtures.admittedProvider(List.of(TIC));
        String declared = fileOne(e, v, unrelated, 100_000, true);
        flags(declared).body("rule", equalTo(List.of("RELATED_PARTY"))).body("[0].evidence.relationDeclared", equalTo(true));
    }

    @Test
    void aProviderLivingOffOneGroupIsFlaggedAndAConfirmedFlagStopsApprovalAndPayment() {
        String parent = Fixtures.enterprise("310115");
        String subsidiary = Fixtures.uscc("310115");
        given().contentType(ContentType.JSON).body(Map.of("uscc", subsidiary, "name", "子公司", "recipientType", "TECH_SME",
                        "smeRegistrationNo", "2026" + subsidiary.substring(10, 17), "smeRegistrationYear", 2025,
                        "districtCode", "310115", "parentUscc", parent))
                .post("/api/v1/enterprises").then().statusCode(201);
        String provider = Fixtures.admittedProvider(List.of(TIC));
        // 60,000 yuan from the parent: below the 100,000-yuan income SH starts reading shares at
        String first = fileOne(parent, voucher(parent, 6_000_000), provider, 6_000_000, false);
        flags(first).body("$", hasSize(0));
        // 50,000 more from its subsidiary: 110,000 yuan, all of it from one group
        String second = fileOne(subsidiary, voucher(subsidiary, 5_000_000), provider, 5_000_000, false);
        flags(second).body("rule", equalTo(List.of("CONCENTRATION")))
                .body("[0].evidence.groupIncomeFen", equalTo(11_000_000))
                .body("[0].evidence.providerIncomeFen", equalTo(11_000_000));

        confirm(provider, second);
        String flag = flags(second).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "the lab is the group's own"))
                .post("/api/v1/operator/risk-flags/{id}/confirm", flag).then().statusCode(200);
        operator("/redemptions/{id}/approve", Map.of("reason", "ok"), second).then().statusCode(409)
                .body("code", equalTo("risk-confirmed"));
        operator("/redemptions/{id}/reject", Map.of("reason", "related-party income"), second).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void aFlagFromTheHubAfterApprovalStopsThePayment() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of(TIC));
        String id = fileOne(e, Fixtures.voucher(e, 1_000_000), provider, 100_000, false);
        confirm(provider, id);
        org.assertj.core.api.Assertions.assertThat(status(e, id)).isEqualTo("APPROVED");
        try (EventProducer producer = new EventProducer(bootstrap)) {
            producer.publish(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.RISK_FLAGGED_BY_HUB, id,
                    new Payloads.RiskFlagRaised("SH", id, "CONTRACT_DUPLICATE",
                            Map.of("otherProvince", "ZJ", "otherRedemptionId", UUID.randomUUID().toString(),
                                    "actualExpenditureFen", 200_000)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> flags(id).body("rule", equalTo(List.of("CONTRACT_DUPLICATE"))));
        flags(id).body("[0].source", equalTo("HUB")).body("[0].explanation", containsString("ZJ"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("paymentReference", "BANK-R1")).header("Authorization",
                        org.yrd.voucher.testkit.Tokens.bearer(org.yrd.voucher.testkit.Tokens.Identity.finance("SH", "finance-1")))
                .post("/api/v1/operator/redemptions/{id}/pay", id).then().statusCode(409)
                .body("code", equalTo("risk-flags-open"));
    }
}
