package org.yrd.voucher.node.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.yrd.voucher.policy.Uscc;

/** Builds parties and vouchers through the node's own REST API, as a user would. */
public final class Fixtures {
    private static final AtomicLong SEQ = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 800_000_000L));

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Fixtures() {}

    /** What the scheduler does every {@code node.jobs.every}: unanswered redemptions end, then vouchers past validity. */
    public static void runExpiryJobs() {
        io.quarkus.arc.Arc.container().instance(org.yrd.voucher.node.redemption.RedemptionExpiry.class).get().run();
        io.quarkus.arc.Arc.container().instance(org.yrd.voucher.node.voucher.VoucherExpiry.class).get().run();
    }

    /** A fresh valid USCC registered in the given district (e.g. 310115 Pudong). */
    public static String uscc(String district) {
        String first17 = "91" + district + String.format("%09d", SEQ.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    public static String enterprise(String district) {
        String uscc = uscc(district);
        given().contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "测试科技有限公司 " + uscc.substring(10, 17), "recipientType", "TECH_SME",
                        "smeRegistrationNo", "2026" + uscc.substring(10, 17), "smeRegistrationYear", 2025,
                        "districtCode", district))
                .post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }

    public static String admittedProvider(List<String> categories) {
        String uscc = uscc("310104");
        given().contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "检测研究院 " + uscc.substring(10, 17), "categories", categories,
                        "qualifications", List.of(Map.of("kind", "CMA", "number", "CMA-" + uscc.substring(10, 17)))))
                .post("/api/v1/providers").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "meets the admission standard"))
                .post("/api/v1/operator/providers/{uscc}/admit", uscc).then().statusCode(200);
        return uscc;
    }

    public static Response apply(String enterprise, long amountFen) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amountFen", amountFen))
                .post("/api/v1/enterprises/{uscc}/applications", enterprise);
    }

    /** Applies below the auto-approval threshold and returns the issued voucher's id. */
    public static String voucher(String enterprise, long amountFen) {
        return apply(enterprise, amountFen).then().statusCode(201).extract().path("voucherId");
    }

    public static Map<String, Object> filing(String voucherId, String provider, String invoice, long actual, long requested) {
        return Map.of("voucherId", voucherId, "providerUscc", provider, "category", "TESTING_INSPECTION_CERTIFICATION",
                "declarations", Map.of("patentApplicationStage", false, "statutoryTesting", false,
                        "otherPublicFunding", false),
                "contractNo", "HT-" + invoice, "invoiceNo", invoice, "actualExpenditureFen", actual,
                "requestedFen", requested, "completionDate",
                org.yrd.voucher.edge.TimeSource.today(TestClock.INSTANCE).toString());
    }

    public static Response file(String enterprise, Map<String, Object> filing) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(filing).post("/api/v1/enterprises/{uscc}/redemptions", enterprise);
    }

    public static Response operator(String path, Map<String, Object> body, Object... params) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/operator" + path, params);
    }

    public static Map<String, Object> voucherOf(String enterprise, String voucherId) {
        List<Map<String, Object>> all = given().get("/api/v1/enterprises/{uscc}/vouchers", enterprise)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(v -> voucherId.equals(v.get("id"))).findFirst().orElseThrow();
    }

    public static Map<String, Object> balance(int year) {
        return given().get("/api/v1/operator/ledger/balance?year=" + year).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }
}
