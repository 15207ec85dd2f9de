package org.yrd.voucher.node.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.yrd.voucher.testkit.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;

/** Versions are effective-dated; every decision records the version it was made under. Runs in 2028. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
public class PolicyVersionTest {

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    public static Map<String, Object> policy() {
        Map<String, Object> p = new HashMap<>();
        p.put("mode", "POST_SUBSIDY");
        p.put("subsidyRatio", 0.4);
        p.put("perApplicationCapFen", 5_000_000);
        p.put("annualCapFen", 10_000_000);
        p.put("annualBudgetFen", 1_000_000_000);
        p.put("eligibleRecipients", List.of("TECH_SME"));
        p.put("localCategories", List.of("INDUSTRIAL_DESIGN"));
        p.put("applicationWindows", List.of(Map.of("from", "03-01", "to", "06-30")));
        p.put("voucherValidityDays", 180);
        p.put("autoApprovalThresholdFen", 5_000_000);
        p.put("pilotZones", List.of("310115"));
        p.put("reapplyMinUsagePercent", 50);
        return p;
    }

    /**
     * Publishes as the province does: one operator drafts (the suite's default operator), a second one confirms.
     * A draft the policy refuses is answered at once; the confirmation's answer is returned otherwise.
     */
    public static io.restassured.response.Response publish(String from, Map<String, Object> policy) {
        var drafted = given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", from, "policy", policy))
                .post("/api/v1/operator/policy/drafts");
        if (drafted.statusCode() != 201) {
            return drafted;
        }
        return given().header("Authorization", Tokens.bearer(Tokens.Identity.operator("SH", "operator-2")))
                .post("/api/v1/operator/policy/drafts/{id}/confirm", drafted.jsonPath().getString("id"));
    }

    @Test
    void aPublishedVersionTakesEffectOnItsDayAndDecisionsRecordIt() {
        TestClock.INSTANCE.setDay(LocalDate.of(2028, 3, 1));
        String pudong = Fixtures.enterprise("310115");
        String minhang = Fixtures.enterprise("310112");
        int before = given().get("/api/v1/public/policy").then().extract().path("version");

        int version = publish("2028-03-02", policy()).then().statusCode(200)
                .body("effectiveFrom", equalTo("2028-03-02")).extract().path("version");
        // still the old version today
        Fixtures.apply(minhang, 100_000).then().statusCode(201).body("policyVersion", equalTo(before));

        TestClock.INSTANCE.setDay(LocalDate.of(2028, 3, 2));
        given().get("/api/v1/public/policy").then().body("version", equalTo(version))
                .body("policy.pilotZones", equalTo(List.of("310115")))
                .body("categories", hasItems("INDUSTRIAL_DESIGN", "RESEARCH_REAGENTS"));
        Fixtures.apply(pudong, 100_000).then().statusCode(201).body("policyVersion", equalTo(version));
        // P16: Minhang lies outside the new pilot zone
        Fixtures.apply(Fixtures.enterprise("310112"), 100_000).then().statusCode(422)
                .body("code", equalTo("outside-pilot-zone")).body("rule", equalTo("P16"));

        TestClock.INSTANCE.setDay(LocalDate.of(2028, 7, 1));
        Fixtures.apply(Fixtures.enterprise("310115"), 100_000).then().statusCode(422)
                .body("code", equalTo("application-window-closed"));
        given().get("/api/v1/operator/policy/versions").then().body("version", hasItems(before, version));
    }

    @Test
    void refusesBackdatedVersions() {
        TestClock.INSTANCE.setDay(LocalDate.of(2028, 3, 1));
        publish("2028-02-28", policy()).then().statusCode(422).body("code", equalTo("policy-backdated"))
                .body("rule", equalTo("P6"));
    }

    @Test
    void refusesInvalidPoliciesNamingEachField() {
        TestClock.INSTANCE.setDay(LocalDate.of(2028, 3, 1));
        var p = policy();
        p.put("subsidyRatio", 1.5);
        p.put("eligibleRecipients", List.of("STARTUP_TEAM"));
        p.put("applicationWindows", List.of(Map.of("from", "13-01", "to", "06-30")));
        p.remove("annualBudgetFen");
        publish("2028-04-01", p).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("annualBudgetFen", "applicationWindows[0].from"));
        p.put("annualBudgetFen", 1_000_000_000);
        p.put("applicationWindows", List.of());
        publish("2028-04-01", p).then().statusCode(400)
                .body("violations.field", hasItems("subsidyRatio", "eligibleRecipients"));
    }

    @Test
    void publicPolicyShowsTheCommonCategoriesWhateverTheProvinceAdds() {
        given().get("/api/v1/public/policy").then().statusCode(200)
                .body("province", equalTo("SH"))
                .body("categories", hasItems("RESEARCH_REAGENTS", "LABORATORY_ANIMALS", "SCIENTIFIC_DATA",
                        "SCI_TECH_LITERATURE", "SCI_TECH_REPORTS", "BIOLOGICAL_GERMPLASM", "RESEARCH_AND_DEVELOPMENT",
                        "TECHNOLOGY_TRANSFER", "TESTING_INSPECTION_CERTIFICATION", "STARTUP_INCUBATION",
                        "INTELLECTUAL_PROPERTY", "SCI_TECH_CONSULTING", "SCI_TECH_FINANCE"));
    }
}
