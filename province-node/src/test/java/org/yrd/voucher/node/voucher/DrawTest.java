package org.yrd.voucher.node.voucher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.policy.PolicyVersionTest;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** P6 fair allocation: a draw window's seed is published first, and anyone can recompute the draw. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DrawTest {
    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void anOversubscribedDrawWindowIsAllocatedByALotteryAnyoneCanRecompute() throws Exception {
        TestClock.INSTANCE.setDay(LocalDate.of(2032, 2, 20)); // a year no other test issues in
        Map<String, Object> policy = PolicyVersionTest.policy();
        policy.put("annualBudgetFen", 1_000_000); // 10,000 yuan: five applications of 3,000 oversubscribe it
        policy.put("pilotZones", List.of());
        policy.put("applicationWindows", List.of(Map.of("from", "03-10", "to", "03-12", "draw", true)));
        PolicyVersionTest.publish("2032-03-01", policy).then().statusCode(200);

        TestClock.INSTANCE.setDay(LocalDate.of(2032, 3, 5));
        String draw = given().contentType(ContentType.JSON).body(Map.of("opensOn", "2032-03-10"))
                .post("/api/v1/operator/draws").then().statusCode(201).body("closesOn", equalTo("2032-03-12"))
                .body("status", equalTo("ANNOUNCED")).extract().path("id");
        String seed = given().get("/api/v1/public/draws/{id}", draw).then().statusCode(200).extract().path("draw.seed");
        assertThat(seed).matches("[0-9a-f]{64}");
        given().contentType(ContentType.JSON).body(Map.of("opensOn", "2032-03-10")).post("/api/v1/operator/draws")
                .then().statusCode(409).body("code", equalTo("draw-announced"));
        given().contentType(ContentType.JSON).body(Map.of("opensOn", "2032-03-11")).post("/api/v1/operator/draws")
                .then().statusCode(400).body("violations[0].field", equalTo("opensOn"));

        TestClock.INSTANCE.setDay(LocalDate.of(2032, 3, 10));
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String e = Fixtures.enterprise("310115");
            enterprises.add(e);
            Fixtures.apply(e, 300_000).then().statusCode(201).body("status", equalTo("IN_DRAW"))
                    .body("voucherId", nullValue());
        }
        Fixtures.apply(enterprises.get(0), 100_000).then().statusCode(409).body("code", equalTo("draw-already-applied"));
        given().get("/api/v1/enterprises/{e}/vouchers", enterprises.get(0)).then().body("$", org.hamcrest.Matchers.hasSize(0));
        given().post("/api/v1/operator/draws/{id}/run", draw).then().statusCode(409).body("code", equalTo("draw-still-open"));
        given().get("/api/v1/public/draws/{id}", draw).then().body("entries", org.hamcrest.Matchers.hasSize(0));

        TestClock.INSTANCE.setDay(LocalDate.of(2032, 3, 13));
        given().post("/api/v1/operator/draws/{id}/run", draw).then().statusCode(200)
                .body("draw.status", equalTo("DRAWN")).body("successful", org.hamcrest.Matchers.hasSize(3));
        given().post("/api/v1/operator/draws/{id}/run", draw).then().statusCode(409).body("code", equalTo("draw-drawn"));

        // anyone: the published seed, entries and budget give the same result, by the documented algorithm
        JsonPath published = given().get("/api/v1/public/draws/{id}", draw).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = published.getList("entries");
        assertThat(entries).hasSize(5);
        long budget = ((Number) published.getMap("budgets").get("")).longValue();
        assertThat(budget).isEqualTo(1_000_000);
        assertThat(recompute(published.getString("draw.seed"), entries, budget))
                .isEqualTo(new HashSet<>(published.getList("successful", String.class)));
        assertThat(published.getList("order", String.class)).hasSize(5);

        for (String e : enterprises) {
            var application = given().get("/api/v1/enterprises/{e}/applications", e).then().extract().jsonPath();
            String id = application.getString("[0].id");
            if (published.getList("successful", String.class).contains(id)) {
                assertThat(application.getString("[0].status")).isEqualTo("APPROVED");
                assertThat(application.getString("[0].voucherId")).isNotNull();
            } else {
                assertThat(application.getString("[0].status")).isEqualTo("NOT_DRAWN");
                assertThat(application.getString("[0].decisionReason")).contains("未中签");
            }
        }
        given().get("/api/v1/public/draws").then().body("id", hasItem(draw));
        given().get("/api/v1/operator/audit?target=" + draw).then().body("action", hasItem("draw.drawn"))
                .body("find { it.action == 'draw.announced' }.detail", containsString(seed));
    }

    /** The draw as docs/policy-rules.md describes it, written here without the node's code. */
    private static Set<String> recompute(String seed, List<Map<String, Object>> entries, long budget) throws Exception {
        List<String[]> tickets = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            String id = (String) e.get("applicationId");
            byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : h) {
                hex.append(String.format("%02x", b));
            }
            tickets.add(new String[] {hex.toString(), id, String.valueOf(((Number) e.get("amountFen")).longValue())});
        }
        tickets.sort(Comparator.<String[], String>comparing(t -> t[0]).thenComparing(t -> t[1]));
        Set<String> won = new HashSet<>();
        long left = budget;
        for (String[] t : tickets) {
            long amount = Long.parseLong(t[2]);
            if (amount <= left) {
                left -= amount;
                won.add(t[1]);
            }
        }
        return won;
    }
}
