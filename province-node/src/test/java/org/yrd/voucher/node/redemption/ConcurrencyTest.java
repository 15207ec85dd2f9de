package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import org.yrd.voucher.testkit.TestIdentities;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.policy.PolicyVersionTest;
import org.yrd.voucher.node.testing.TestClock;

/** Money never goes wrong under concurrency: many requests race at once against one budget or one voucher. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ConcurrencyTest {
    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** Fires all requests at once (a latch releases them together) and returns the status codes. */
    List<Integer> race(List<HttpRequest> requests) throws Exception {
        return raceForAnswers(requests).stream().map(HttpResponse::statusCode).toList();
    }

    /** A redemption of 2,000 yuan (under the automatic approval threshold) filed on a fresh 10,000 yuan voucher. */
    record Filed(String enterprise, String provider, String voucher, String id) {}

    static Filed filed() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(e, 1_000_000);
        String id = Fixtures.file(e, Fixtures.filing(voucher, provider, "ONCE-" + UUID.randomUUID(), 400_000, 200_000))
                .then().statusCode(201).extract().path("id");
        return new Filed(e, provider, voucher, id);
    }

    HttpRequest post(String path, String json) {
        return post(path, json, UUID.randomUUID().toString());
    }

    HttpRequest post(String path, String json, String idempotencyKey) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIdentities.authorization(path, json))
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    @Test
    void twoHundredConcurrentApplicationsAgainstABudgetForFortyIssueExactlyForty() throws Exception {
        // a budget year of its own: 2030, with a budget of exactly 40 × 5,000 yuan
        TestClock.INSTANCE.setDay(LocalDate.of(2030, 1, 2));
        var policy = PolicyVersionTest.policy();
        policy.put("annualBudgetFen", 40 * 500_000L);
        policy.put("applicationWindows", List.of());
        policy.put("pilotZones", List.of());
        policy.put("reapplyMinUsagePercent", 80);
        PolicyVersionTest.publish("2030-01-02", policy).then().statusCode(200);

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String e = Fixtures.enterprise("310115");
            requests.add(post("/api/v1/enterprises/" + e + "/applications", "{\"amountFen\": 500000}"));
        }
        List<Integer> codes = race(requests);

        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(40);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(160);
        var balance = Fixtures.balance(2030);
        assertThat(balance.get("budgetFen")).isEqualTo(20_000_000);
        assertThat(balance.get("unissuedFen")).isEqualTo(0);
        assertThat(balance.get("outstandingFen")).isEqualTo(20_000_000);
        assertThat(balance.get("reconciles")).isEqualTo(true);
    }

    /** 2033: Shanghai's city pool 3101 of 30,000 yuan, of which Pudong's (310115) 10,000 (P10). */
    private void publishPools() {
        TestClock.INSTANCE.setDay(LocalDate.of(2033, 1, 3));
        var policy = PolicyVersionTest.policy();
        policy.put("annualBudgetFen", 100_000_000L);
        policy.put("applicationWindows", List.of());
        policy.put("pilotZones", List.of());
        policy.put("pools", List.of(Map.of("code", "3101", "name", "上海市区", "annualBudgetFen", 3_000_000),
                Map.of("code", "310115", "name", "浦东新区", "annualBudgetFen", 1_000_000)));
        PolicyVersionTest.publish("2033-01-03", policy).then().statusCode(200);
    }

    private List<Integer> applicationsRace(String district, int n) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(post("/api/v1/enterprises/" + Fixtures.enterprise(district) + "/applications",
                    "{\"amountFen\": 100000}"));
        }
        return race(requests);
    }

    private static Map<String, Object> poolBalance(String pool) {
        return given().get("/api/v1/operator/ledger/balance?year=2033&pool=" + pool).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    @Test
    void districtAndCityPoolsEachIssueExactlyTheirBudgetUnderARace() throws Exception {
        publishPools();
        // a district pool: twenty enterprises of Pudong race for ten applications' worth
        List<Integer> pudong = applicationsRace("310115", 20);
        assertThat(pudong.stream().filter(c -> c == 201).count()).isEqualTo(10);
        assertThat(pudong.stream().filter(c -> c == 422).count()).isEqualTo(10);
        Fixtures.apply(Fixtures.enterprise("310115"), 100_000).then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("pool-exhausted")).body("rule", org.hamcrest.Matchers.equalTo("P10"));
        assertThat(poolBalance("310115")).containsEntry("budgetFen", 1_000_000).containsEntry("unissuedFen", 0)
                .containsEntry("outstandingFen", 1_000_000).containsEntry("reconciles", true);

        // the city pool: Minhang has no pool of its own, so its enterprises race for what Pudong left of the city's
        List<Integer> minhang = applicationsRace("310112", 30);
        assertThat(minhang.stream().filter(c -> c == 201).count()).isEqualTo(20);
        assertThat(poolBalance("3101")).containsEntry("budgetFen", 3_000_000).containsEntry("unissuedFen", 0)
                .containsEntry("outstandingFen", 3_000_000).containsEntry("reconciles", true);
        var province = Fixtures.balance(2033);
        assertThat(province.get("outstandingFen")).isEqualTo(3_000_000);
        assertThat(province.get("reconciles")).isEqualTo(true);
        given().get("/api/v1/operator/ledger/balance?pool=31x").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("pool"));
    }

    @Test
    void oneEnterpriseRacingItselfNeverPassesItsAnnualCap() throws Exception {
        // 2031: 50,000 yuan per application, 100,000 yuan a year, no usage rule, everything auto-approved
        TestClock.INSTANCE.setDay(LocalDate.of(2031, 1, 2));
        var policy = PolicyVersionTest.policy();
        policy.put("annualBudgetFen", 1_000_000_000L);
        policy.put("applicationWindows", List.of());
        policy.put("pilotZones", List.of());
        policy.put("reapplyMinUsagePercent", 0);
        PolicyVersionTest.publish("2031-01-02", policy).then().statusCode(200);
        String e = Fixtures.enterprise("310115");

        List<HttpRequest> applications = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            applications.add(post("/api/v1/enterprises/" + e + "/applications", "{\"amountFen\": 5000000}"));
        }
        List<Integer> codes = race(applications);

        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(2);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(10);
        long issued = given().get("/api/v1/enterprises/{u}/vouchers", e).then().extract().jsonPath()
                .getList("faceValueFen", Long.class).stream().mapToLong(Long::longValue).sum();
        assertThat(issued).isEqualTo(10_000_000);
    }

    @Test
    void parallelOperatorApprovalsStillApplyTheUsageRule() throws Exception {
        // Shanghai: after one approved 100,000 yuan voucher, 80 % of it must be used before the next
        String e = Fixtures.enterprise("310115");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Fixtures.apply(e, 10_000_000).then().statusCode(201).extract().path("id"));
        }
        List<Integer> codes = race(ids.stream()
                .map(id -> post("/api/v1/operator/applications/" + id + "/approve", "{\"reason\": \"ok\"}")).toList());
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(5);
        given().get("/api/v1/enterprises/{u}/vouchers", e).then().body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void concurrentRedemptionsOnOneVoucherNeverOverdrawIt() throws Exception {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(e, 1_000_000); // 10,000 yuan
        List<HttpRequest> filings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var f = Fixtures.filing(voucher, provider, "RACE-" + UUID.randomUUID(), 300_000, 150_000);
            filings.add(post("/api/v1/enterprises/" + e + "/redemptions", JSON.writeValueAsString(f)));
        }
        List<Integer> codes = race(filings);

        var v = Fixtures.voucherOf(e, voucher);
        long held = ((Number) v.get("heldFen")).longValue();
        assertThat(held).isEqualTo(1_000_000);          // 6 × 1,500 yuan + one last 1,000 yuan: exactly the face value
        assertThat(v.get("availableFen")).isEqualTo(0);
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(7);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(23);
        long sumOfRedemptions = given().get("/api/v1/enterprises/{u}/redemptions", e).then().extract().jsonPath()
                .getList("voucherAmountFen", Long.class).stream().mapToLong(Long::longValue).sum();
        assertThat(sumOfRedemptions).isEqualTo(held);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
    }

    @Test
    void concurrentPaymentsAndRejectionsOnOneVoucherKeepItsFiguresExact() throws Exception {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(e, 2_000_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = Fixtures.file(e, Fixtures.filing(voucher, provider, "PAY-" + UUID.randomUUID(), 200_000, 100_000))
                    .then().statusCode(201).extract().path("id");
            given().header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
            ids.add(id);
        }
        List<HttpRequest> decisions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            decisions.add(i % 3 == 0
                    ? post("/api/v1/operator/redemptions/" + ids.get(i) + "/reject", "{\"reason\": \"no\"}")
                    : post("/api/v1/operator/redemptions/" + ids.get(i) + "/pay", "{\"paymentReference\": \"B\"}"));
        }
        assertThat(race(decisions)).containsOnly(200);

        var v = Fixtures.voucherOf(e, voucher);
        assertThat(v.get("heldFen")).isEqualTo(0);
        assertThat(v.get("redeemedFen")).isEqualTo(8 * 100_000);
        assertThat(v.get("availableFen")).isEqualTo(2_000_000 - 8 * 100_000);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
    }

    /**
     * The steps after filing decide on facts read without a lock and write only if those facts still hold: racing on
     * one redemption, one step wins and every other is decided again on what it did. Six providers' confirmations at
     * once confirm it once; six payments and two rejections at once move its money once, and the voucher, the ledger
     * and the audit trail say the same.
     */
    @Test
    void stepsRacingOnOneRedemptionTakeEffectOnce() throws Exception {
        Filed f = filed();
        List<HttpRequest> confirmations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            confirmations.add(post("/api/v1/providers/" + f.provider() + "/redemptions/" + f.id() + "/confirm", ""));
        }
        List<Integer> confirmed = race(confirmations);
        assertThat(confirmed.stream().filter(c -> c == 200).count()).isEqualTo(1);
        assertThat(confirmed.stream().filter(c -> c == 409).count()).isEqualTo(5);
        given().get("/api/v1/enterprises/{u}/redemptions", f.enterprise()).then().statusCode(200).body("status",
                org.hamcrest.Matchers.contains("APPROVED")); // 2,000 yuan: under the threshold

        List<HttpRequest> decisions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            decisions.add(i % 4 == 3
                    ? post("/api/v1/operator/redemptions/" + f.id() + "/reject", "{\"reason\": \"no\"}")
                    : post("/api/v1/operator/redemptions/" + f.id() + "/pay", "{\"paymentReference\": \"B\"}"));
        }
        List<Integer> codes = race(decisions);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 409).count()).isEqualTo(7);
        String status = given().get("/api/v1/enterprises/{u}/redemptions", f.enterprise()).then().statusCode(200)
                .extract().path("[0].status");
        assertThat(status).isIn("PAID", "REJECTED");
        var v = Fixtures.voucherOf(f.enterprise(), f.voucher());
        assertThat(v.get("heldFen")).isEqualTo(0);
        assertThat(v.get("redeemedFen")).isEqualTo("PAID".equals(status) ? 200_000 : 0);
        assertThat(v.get("availableFen")).isEqualTo("PAID".equals(status) ? 800_000 : 1_000_000);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
        assertThat(given().get("/api/v1/operator/audit?target={id}&limit=200", f.id()).then().statusCode(200)
                .extract().jsonPath().getList("action", String.class))
                .filteredOn(a -> a.equals("redemption.paid") || a.equals("redemption.rejected")).hasSize(1);
    }

    /**
     * One payment sent eight times at once with the same Idempotency-Key (a client retrying over a flaky link): every
     * attempt but one rolls back at its write of the key, and all eight get the first answer; the money moves once.
     */
    @Test
    void aRetriedPaymentRacingItselfMovesTheMoneyOnce() throws Exception {
        Filed f = filed();
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", f.provider(), f.id()).then().statusCode(200);
        String path = "/api/v1/operator/redemptions/" + f.id() + "/pay";
        String json = "{\"paymentReference\": \"RETRIED\"}";
        String key = UUID.randomUUID().toString();
        List<HttpRequest> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(post(path, json, key));
        }
        var answers = raceForAnswers(same);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
        var v = Fixtures.voucherOf(f.enterprise(), f.voucher());
        assertThat(v.get("heldFen")).isEqualTo(0);
        assertThat(v.get("redeemedFen")).isEqualTo(200_000);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
        assertThat(given().get("/api/v1/operator/audit?target={id}&limit=200", f.id()).then().statusCode(200)
                .extract().jsonPath().getList("action", String.class))
                .filteredOn("redemption.paid"::equals).hasSize(1);
    }

    @Test
    void theSameInvoiceFiledConcurrentlyIsRedeemedOnce() throws Exception {
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String invoice = "DUP-" + UUID.randomUUID();
        List<HttpRequest> filings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String e = Fixtures.enterprise("310115");
            String voucher = Fixtures.voucher(e, 100_000);
            filings.add(post("/api/v1/enterprises/" + e + "/redemptions",
                    JSON.writeValueAsString(Fixtures.filing(voucher, provider, invoice, 100_000, 50_000))));
        }
        List<Integer> codes = race(filings);
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 409).count()).isEqualTo(9);
    }

    @Test
    void aRetriedRequestRacingItselfHasOneEffect() throws Exception {
        String e = Fixtures.enterprise("310115");
        String key = UUID.randomUUID().toString();
        List<HttpRequest> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                            + "/api/v1/enterprises/" + e + "/applications"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .header("Authorization", TestIdentities.authorization("/api/v1/enterprises/" + e + "/applications", null))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amountFen\": 200000}")).build());
        }
        List<Integer> codes = race(same);
        assertThat(codes).containsOnly(201);
        given().get("/api/v1/enterprises/{u}/vouchers", e).then().body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    /**
     * Random commands at once, as a busy day mixes them: applications of random amounts against a small budget,
     * filings of random amounts on three vouchers, the provider's confirmations and disputes, approvals, rejections and
     * payments of whatever has been filed, eight at a time. Whatever the order the server takes them in, nothing
     * answers 5xx, and afterwards nothing is issued above the budget, each voucher's held and paid figures are exactly
     * the sums of its redemptions in those states, nothing is negative, the ledger reconciles and the audit chain is
     * intact. The seed is printed, so a failing mix can be replayed.
     */
    @Test
    void randomCommandsRacingOnSharedVouchersKeepEveryFigureExact() throws Exception {
        long seed = System.nanoTime();
        System.out.println("randomCommands seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        // a budget year of its own, 2034: 50,000 yuan, of which the three vouchers take 30,000 and the applications
        // of the mix compete for the rest
        TestClock.INSTANCE.setDay(LocalDate.of(2034, 1, 2));
        var policy = PolicyVersionTest.policy();
        policy.put("annualBudgetFen", 5_000_000L);
        policy.put("applicationWindows", List.of());
        policy.put("pilotZones", List.of());
        PolicyVersionTest.publish("2034-01-02", policy).then().statusCode(200);
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        List<String[]> vouchers = new ArrayList<>(); // enterprise, voucher
        for (int i = 0; i < 3; i++) {
            String e = Fixtures.enterprise("310115");
            vouchers.add(new String[] {e, Fixtures.voucher(e, 1_000_000)});
        }
        List<String> filed = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 12; round++) {
            List<HttpRequest> commands = new ArrayList<>();
            List<Boolean> filings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int kind = filed.isEmpty() ? 0 : random.nextInt(7);
                String id = filed.isEmpty() ? null : filed.get(random.nextInt(filed.size()));
                filings.add(kind == 0);
                commands.add(switch (kind) {
                    case 0 -> {
                        String[] v = vouchers.get(random.nextInt(vouchers.size()));
                        long actual = 1 + random.nextInt(600_000);
                        yield post("/api/v1/enterprises/" + v[0] + "/redemptions", JSON.writeValueAsString(Fixtures.filing(
                                v[1], provider, "MIX-" + UUID.randomUUID(), actual, 1 + random.nextInt(400_000))));
                    }
                    case 1 -> post("/api/v1/providers/" + provider + "/redemptions/" + id + "/confirm", "");
                    case 2 -> post("/api/v1/providers/" + provider + "/redemptions/" + id + "/dispute", "{\"reason\": \"x\"}");
                    case 3 -> post("/api/v1/operator/redemptions/" + id + "/approve", "{\"reason\": \"ok\"}");
                    case 4 -> post("/api/v1/operator/redemptions/" + id + "/reject", "{\"reason\": \"no\"}");
                    case 5 -> post("/api/v1/operator/redemptions/" + id + "/pay", "{\"paymentReference\": \"B\"}");
                    default -> post("/api/v1/enterprises/" + Fixtures.enterprise("310115") + "/applications",
                            "{\"amountFen\": " + (100_000 + random.nextInt(800_000)) + "}");
                });
            }
            List<HttpResponse<String>> answers = raceForAnswers(commands);
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).statusCode()).as(commands.get(i).uri() + " (seed " + seed + ")").isLessThan(500);
                if (filings.get(i) && answers.get(i).statusCode() == 201) {
                    filed.add(JSON.readTree(answers.get(i).body()).get("id").asText());
                }
            }
        }
        assertThat(filed).as("seed " + seed).isNotEmpty();
        Map<Object, Long> states = new java.util.TreeMap<>();
        for (String[] v : vouchers) {
            List<Map<String, Object>> mine = given().get("/api/v1/enterprises/{u}/redemptions?limit=500", v[0]).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            long held = 0;
            long paid = 0;
            for (Map<String, Object> r : mine) {
                long amount = ((Number) r.get("voucherAmountFen")).longValue();
                String status = (String) r.get("status");
                states.merge(status, 1L, Long::sum);
                if (List.of("FILED", "PROVIDER_CONFIRMED", "APPROVED").contains(status)) {
                    held += amount;
                } else if ("PAID".equals(status)) {
                    paid += amount;
                }
            }
            var voucher = Fixtures.voucherOf(v[0], v[1]);
            assertThat(((Number) voucher.get("heldFen")).longValue()).as("held, seed " + seed).isEqualTo(held);
            assertThat(((Number) voucher.get("redeemedFen")).longValue()).as("paid, seed " + seed).isEqualTo(paid);
            assertThat(((Number) voucher.get("availableFen")).longValue()).as("seed " + seed)
                    .isEqualTo(1_000_000 - held - paid).isNotNegative();
        }
        System.out.println("randomCommands ended in " + states);
        var balance = Fixtures.balance(2034);
        System.out.println("randomCommands budget " + balance);
        assertThat(((Number) balance.get("unissuedFen")).longValue()).as("never above the budget, seed " + seed)
                .isNotNegative();
        assertThat(balance.get("budgetFen")).isEqualTo(5_000_000);
        assertThat(balance.get("reconciles")).as("seed " + seed).isEqualTo(true);
        given().get("/api/v1/operator/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
        // the provider's income total (P13 screening) is the sum of its live redemptions, whatever raced
        assertThat(ProviderIncomeTest.differences(db, provider)).as("seed " + seed).isZero();
    }

    /** Fires all requests at once (a latch releases them together) and returns the answers. */
    List<HttpResponse<String>> raceForAnswers(List<HttpRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (HttpRequest r : requests) {
                results.add(pool.submit(() -> {
                    start.await();
                    return http.send(r, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : results) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
