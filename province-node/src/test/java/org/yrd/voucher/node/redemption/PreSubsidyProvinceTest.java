package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;

/** The same build configured as Zhejiang: PRE_SUBSIDY, 20,000 yuan per application. A province is configuration. */
@QuarkusTest
@TestProfile(PreSubsidyProvinceTest.Zhejiang.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PreSubsidyProvinceTest {
    public static class Zhejiang implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("node.province", "ZJ");
        }
    }

    @Test
    void loadsZhejiangsOwnPolicy() {
        given().get("/api/v1/public/policy").then().statusCode(200)
                .body("province", equalTo("ZJ"))
                .body("policy.mode", equalTo("PRE_SUBSIDY"))
                .body("policy.perApplicationCapFen", equalTo(2_000_000))
                .body("categories", hasItems("RESEARCH_REAGENTS", "SCI_TECH_FINANCE", "INDUSTRIAL_DESIGN"));
    }

    @Test
    void paysTheVoucherShareToTheProviderAndLeavesTheRestToTheEnterprise() {
        String enterprise = Fixtures.enterprise("330106");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(enterprise, 2_000_000);
        file(enterprise, filing(voucher, provider, "ZJ-INV-" + enterprise.substring(10), 3_000_001, 3_000_001))
                .then().statusCode(201)
                .body("payee", equalTo("PROVIDER"))
                .body("payeeUscc", equalTo(provider))
                .body("voucherAmountFen", equalTo(1_500_000))   // 50 % of 30,000.01 yuan, rounded down to the fen
                .body("enterpriseShareFen", equalTo(1_500_001));
    }

    @Test
    void refusesAboveZhejiangsCapAndRegistrationsFromOtherProvinces() {
        String enterprise = Fixtures.enterprise("330106");
        Fixtures.apply(enterprise, 2_000_001).then().statusCode(422).body("code", equalTo("per-application-cap-exceeded"));
        given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310115"), "name", "上海企业",
                        "recipientType", "TECH_SME", "smeRegistrationNo", "X1", "smeRegistrationYear", 2024,
                        "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("violations[0].field", equalTo("districtCode"));
    }

    @Test
    void refusesStartupTeamsWhichZhejiangDoesNotServe() {
        String team = Fixtures.uscc("330106");
        given().contentType(ContentType.JSON).body(Map.of("uscc", team, "name", "创业团队", "recipientType",
                "STARTUP_TEAM", "districtCode", "330106")).post("/api/v1/enterprises").then().statusCode(201);
        Fixtures.apply(team, 100_000).then().statusCode(422).body("code", equalTo("recipient-not-eligible"))
                .body("rule", equalTo("P1"));
    }
}
