package org.yrd.voucher.node.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaBroker;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * The demo data (node.demo-data, local runs only): months of history played on the demo clock, through the same
 * services as the API. What a newcomer clicks through must be consistent: the ledger reconciles to the fen, the
 * audit trail written while the clock was set back verifies, and the clock is back in the present.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Demo.class)
@WithTestResource(PostgresResource.class)
class DemoDataTest {
    /** The node's own clock (not the tests' fixed one), demo data on, no broker needed. */
    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("node.demo-data", "true",
                    "quarkus.arc.exclude-types", "org.yrd.voucher.node.testing.TestClockProducer",
                    "kafka.bootstrap.servers", "127.0.0.1:" + KafkaBroker.freePort());
        }
    }

    @Inject
    Clock clock;

    @Test
    void theDemoPlaysMonthsOfHistoryWhoseMoneyAndAuditTrailHold() {
        // some fifty more enterprises, and two providers for each of the province's categories
        assertThat(given().get("/api/v1/public/recipients").then().statusCode(200).extract().jsonPath()
                .getList("uscc")).hasSizeGreaterThanOrEqualTo(40);
        List<String> categories = given().get("/api/v1/public/policy").then().extract().path("categories");
        List<List<String>> offered = given().get("/api/v1/public/providers").then().statusCode(200).extract().path("categories");
        Set<String> covered = new HashSet<>();
        offered.forEach(covered::addAll);
        assertThat(covered).containsAll(categories);
        assertThat(offered).hasSizeGreaterThanOrEqualTo(2 * categories.size() - 2);

        // four months of redemptions, in the states people meet
        List<Map<String, Object>> redemptions = given().get("/api/v1/operator/redemptions?limit=500").then()
                .statusCode(200).extract().path("");
        assertThat(redemptions.stream().map(r -> (String) r.get("status")).distinct())
                .contains("PAID", "DISPUTED").hasSizeGreaterThanOrEqualTo(4);
        OffsetDateTime first = redemptions.stream().map(r -> OffsetDateTime.parse((String) r.get("filedAt")))
                .min(OffsetDateTime::compareTo).orElseThrow();
        assertThat(first.toInstant()).isBefore(Instant.now().minus(Duration.ofDays(90)));
        assertThat(given().get("/api/v1/operator/applications/pending").then().statusCode(200)
                .extract().jsonPath().getList("id")).isNotEmpty();

        // the money and the audit trail hold, and the clock is back
        given().get("/api/v1/operator/ledger/balance").then().statusCode(200).body("reconciles", equalTo(true));
        given().get("/api/v1/operator/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
