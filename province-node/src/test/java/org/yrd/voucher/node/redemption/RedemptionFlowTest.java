package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;
import static org.yrd.voucher.node.testing.Fixtures.operator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Pages;
import org.yrd.voucher.node.testing.TestClock;

/** Shanghai: POST_SUBSIDY, 50 %, redemptions up to 20,000 yuan approved automatically once confirmed. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RedemptionFlowTest {
    static final List<String> TESTING = List.of("TESTING_INSPECTION_CERTIFICATION");

    String enterprise;
    String provider;
    String voucher;

    @BeforeEach
    void setUp() {
        enterprise = Fixtures.enterprise("310115");
        provider = Fixtures.admittedProvider(TESTING);
        voucher = Fixtures.voucher(enterprise, 2_000_000); // 20,000 yuan
    }

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    static String invoice() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 12);
    }

    Map<String, Object> confirm(String redemption) {
        return given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, redemption)
                .then().extract().jsonPath().getMap("$");
    }

    @Test
    void postSubsidyRedemptionRunsFromFilingToPaymentToTheEnterprise() {
        String id = file(enterprise, filing(voucher, provider, invoice(), 1_000_000, 900_000)).then().statusCode(201)
                .body("status", equalTo("FILED"))
                .body("voucherAmountFen", equalTo(500_000))     // 50 % of the actual expenditure, not the 900,000 asked
                .body("enterpriseShareFen", equalTo(500_000))
                .body("payee", equalTo("ENTERPRISE"))
                .body("payeeUscc", equalTo(enterprise))
                .body("policyVersion", equalTo(1))
                .extract().path("id");
        var v = Fixtures.voucherOf(enterprise, voucher);
        assertThat(v.get("heldFen")).isEqualTo(500_000);
        assertThat(v.get("availableFen")).isEqualTo(1_500_000);

        given().get("/api/v1/providers/{p}/redemptions", provider).then().body("[0].id", equalTo(id));
        var confirmed = confirm(id);
        assertThat(confirmed.get("status")).isEqualTo("APPROVED"); // 5,000 yuan: below the auto-approval threshold
        assertThat(confirmed.get("confirmedAt")).isNotNull();

        operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-2026-0001"), id).then().statusCode(200)
                .body("status", equalTo("PAID")).body("paymentReference", equalTo("BANK-2026-0001"));
        v = Fixtures.voucherOf(enterprise, voucher);
        assertThat(v.get("heldFen")).isEqualTo(0);
        assertThat(v.get("redeemedFen")).isEqualTo(500_000);
        assertThat(v.get("availableFen")).isEqualTo(1_500_000);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
    }

    /** Files {@code n} redemptions of this test's enterprise, a second apart from {@code second} after the default. */
    List<String> fileOneSecondApart(int n, long second) {
        List<String> ids = new java.util.ArrayList<>();
        for (int k = 1; k <= n; k++) {
            TestClock.INSTANCE.set(TestClock.DEFAULT.plusSeconds(second + k));
            ids.add(file(enterprise, filing(voucher, provider, invoice(), 200_000, 100_000)).then().statusCode(201)
                    .extract().path("id"));
        }
        return ids;
    }

    @Test
    void theOperatorsQueueComesAPageAtATimeOldestFirst() {
        List<String> ours = fileOneSecondApart(3, 3_600);
        List<Map<String, Object>> queue = Pages.all("/api/v1/operator/redemptions?status=FILED", 2, "filedAt");
        List<Object> ids = Pages.ids(queue);
        assertThat(ids).containsSubsequence(ours.toArray());
        assertThat(queue).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("FILED"));
        given().get("/api/v1/operator/redemptions?status=FILED&limit=1&offset=" + ids.indexOf(ours.get(1)))
                .then().body("id", org.hamcrest.Matchers.contains(ours.get(1)));

        Pages.refusesBadPaging("/api/v1/operator/redemptions");
        given().get("/api/v1/operator/redemptions?status=UNKNOWN").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    @Test
    void anEnterpriseAndItsProviderSeeTheirRedemptionsAPageAtATime() {
        List<String> ours = fileOneSecondApart(3, 7_200);
        // the enterprise and the provider are this test's own: each list is exactly the three, in the order filed
        assertThat(Pages.ids(Pages.all("/api/v1/enterprises/" + enterprise + "/redemptions", 2, "filedAt")))
                .containsExactlyElementsOf(ours);
        assertThat(Pages.ids(Pages.all("/api/v1/providers/" + provider + "/redemptions", 2, "filedAt")))
                .containsExactlyElementsOf(ours);
        given().get("/api/v1/enterprises/{e}/redemptions?limit=1&offset=2", enterprise).then()
                .body("id", org.hamcrest.Matchers.contains(ours.get(2)));
        Pages.refusesBadPaging("/api/v1/enterprises/" + enterprise + "/redemptions");
        Pages.refusesBadPaging("/api/v1/providers/" + provider + "/redemptions");
    }

    @Test
    void largerRedemptionWaitsForTheOperatorAfterConfirmation() {
        String big = Fixtures.enterprise("310115");
        String id0 = Fixtures.apply(big, 10_000_000).then().extract().path("id");
        String bigVoucher = operator("/applications/{id}/approve", Map.of("reason", "ok"), id0).then().extract().path("voucherId");
        String id = file(big, filing(bigVoucher, provider, invoice(), 12_000_000, 6_000_000)).then().statusCode(201)
                .body("voucherAmountFen", equalTo(6_000_000)).extract().path("id");
        assertThat(confirm(id).get("status")).isEqualTo("PROVIDER_CONFIRMED");
        operator("/redemptions/{id}/pay", Map.of("paymentReference", "X"), id).then().statusCode(409)
                .body("code", equalTo("illegal-redemption-transition"));
        operator("/redemptions/{id}/approve", Map.of("reason", "documents complete"), id).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-9"), id).then().statusCode(200)
                .body("status", equalTo("PAID"));
    }

    @Test
    void neverPaysMoreThanTheVoucherHolds() {
        file(enterprise, filing(voucher, provider, invoice(), 10_000_000, 10_000_000)).then().statusCode(201)
                .body("voucherAmountFen", equalTo(2_000_000))
                .body("enterpriseShareFen", equalTo(8_000_000));
        file(enterprise, filing(voucher, provider, invoice(), 100_000, 50_000)).then().statusCode(422)
                .body("code", equalTo("voucher-exhausted")).body("rule", equalTo("P6"));
    }

    @Test
    void eachP3ExclusionIsRefused() {
        for (String declaration : List.of("patentApplicationStage", "statutoryTesting", "otherPublicFunding")) {
            var body = new HashMap<>(filing(voucher, provider, invoice(), 100_000, 50_000));
            var declarations = new HashMap<String, Object>(Map.of("patentApplicationStage", false,
                    "statutoryTesting", false, "otherPublicFunding", false));
            declarations.put(declaration, true);
            body.put("declarations", declarations);
            file(enterprise, body).then().statusCode(422).body("rule", equalTo("P3"));
        }
        assertThat(Fixtures.voucherOf(enterprise, voucher).get("heldFen")).isEqualTo(0);
    }

    @Test
    void oneInvoiceIsNeverRedeemedTwice() {
        String inv = invoice();
        file(enterprise, filing(voucher, provider, inv, 100_000, 50_000)).then().statusCode(201);
        String other = Fixtures.enterprise("310115");
        String otherVoucher = Fixtures.voucher(other, 100_000);
        file(other, filing(otherVoucher, provider, inv, 100_000, 50_000)).then().statusCode(409)
                .body("code", equalTo("invoice-already-redeemed"));
    }

    @Test
    void anInvoiceTypedAnotherWayIsTheSameInvoice() {
        // P3, P13: these were all accepted (201) on one voucher at one provider before
        String inv = invoice();
        file(enterprise, filing(voucher, provider, "FP-" + inv, 100_000, 50_000)).then().statusCode(201);
        String fullWidth = ("FP-" + inv).chars().mapToObj(c -> String.valueOf((char) (c >= '!' && c <= '~' ? c - '!' + '！' : c)))
                .collect(java.util.stream.Collectors.joining());
        for (String typed : List.of("fp-" + inv.toLowerCase(java.util.Locale.ROOT), " fp - " + inv + " ", "FP" + inv,
                "F P\u3000" + inv, "FP\u200b–" + inv, fullWidth)) {
            file(enterprise, filing(voucher, provider, typed, 100_000, 50_000)).then().statusCode(409)
                    .body("code", equalTo("invoice-already-redeemed"));
        }
        // a number of separators only names no invoice
        file(enterprise, filing(voucher, provider, " - ", 100_000, 50_000)).then().statusCode(400)
                .body("violations[0].field", equalTo("invoiceNo"))
                .body("violations[0].code", equalTo("document-number-empty"));
    }

    @Test
    void aDisputedRedemptionReleasesItsHoldAndItsInvoice() {
        String inv = invoice();
        String id = file(enterprise, filing(voucher, provider, inv, 400_000, 200_000)).then().extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "service not rendered as described"))
                .post("/api/v1/providers/{p}/redemptions/{id}/dispute", provider, id)
                .then().statusCode(200).body("status", equalTo("DISPUTED"));
        assertThat(Fixtures.voucherOf(enterprise, voucher).get("heldFen")).isEqualTo(0);
        file(enterprise, filing(voucher, provider, inv, 400_000, 200_000)).then().statusCode(201);
    }

    @Test
    void operatorRejectionReleasesTheHold() {
        String id = file(enterprise, filing(voucher, provider, invoice(), 400_000, 200_000)).then().extract().path("id");
        operator("/redemptions/{id}/reject", Map.of("reason", "contract does not match invoice"), id).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(Fixtures.voucherOf(enterprise, voucher).get("availableFen")).isEqualTo(2_000_000);
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
    }

    @Test
    void onlyAdmittedProvidersForTheCategoryAndInScopeCategories() {
        var body = new HashMap<>(filing(voucher, provider, invoice(), 100_000, 50_000));
        body.put("category", "SCI_TECH_FINANCE");
        file(enterprise, body).then().statusCode(422).body("code", equalTo("provider-not-admitted-for-category"));
        body.put("category", "YACHT_RENTAL");
        file(enterprise, body).then().statusCode(422).body("code", equalTo("category-not-in-scope")).body("rule", equalTo("P2"));

        String applied = Fixtures.uscc("310104");
        given().contentType(ContentType.JSON).body(Map.of("uscc", applied, "name", "未入库机构", "categories", TESTING,
                "qualifications", List.of())).post("/api/v1/providers").then().statusCode(201);
        file(enterprise, filing(voucher, applied, invoice(), 100_000, 50_000)).then().statusCode(422)
                .body("code", equalTo("provider-not-admitted")).body("rule", equalTo("P5"));
    }

    @Test
    void aSuspendedProviderCannotConfirm() {
        String id = file(enterprise, filing(voucher, provider, invoice(), 400_000, 200_000)).then().extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "CMA certificate lapsed"))
                .post("/api/v1/operator/providers/{p}/suspend", provider).then().statusCode(200);
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id)
                .then().statusCode(422).body("code", equalTo("provider-not-admitted"));
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, id).then().body("status", equalTo("FILED"));
    }

    @Test
    void aNegativeListedPayeeIsNeverPaid() {
        listedAfterApprovalBlocksPayment(enterprise, "ENTERPRISE", "payee-negative-listed");
    }

    @Test
    void aProviderListedAfterApprovalBlocksThePaymentToTheEnterprise() {
        // Shanghai reimburses the enterprise (POST_SUBSIDY): the provider is not the payee, and still blocks it
        listedAfterApprovalBlocksPayment(provider, "PROVIDER", "provider-negative-listed");
    }

    /** P13: a party listed between approval and payment stops the payment; nothing moves. */
    private void listedAfterApprovalBlocksPayment(String party, String kind, String code) {
        String id = file(enterprise, filing(voucher, provider, invoice(), 400_000, 200_000)).then().extract().path("id");
        assertThat(confirm(id).get("status")).isEqualTo("APPROVED");
        operator("/negative-list", Map.of("partyUscc", party, "partyKind", kind, "reason", "fraud"))
                .then().statusCode(201);
        operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-1"), id).then().statusCode(422)
                .body("rule", equalTo("P13")).body("code", equalTo(code));
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, id).then().body("status", equalTo("APPROVED"));
        assertThat(Fixtures.voucherOf(enterprise, voucher).get("redeemedFen")).isEqualTo(0);
    }

    @Test
    void aNegativeListedProviderCannotBeUsedOrConfirm() {
        String id = file(enterprise, filing(voucher, provider, invoice(), 400_000, 200_000)).then().extract().path("id");
        operator("/negative-list", Map.of("partyUscc", provider, "partyKind", "PROVIDER", "reason", "fake reports"))
                .then().statusCode(201);
        file(enterprise, filing(voucher, provider, invoice(), 100_000, 50_000)).then().statusCode(422)
                .body("code", equalTo("provider-negative-listed"));
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id)
                .then().statusCode(422).body("rule", equalTo("P13"));
    }

    @Test
    void aHoldReleasedAfterTheVoucherExpiredGoesBackToTheBudgetNotTheVoucher() {
        String id = file(enterprise, filing(voucher, provider, invoice(), 400_000, 200_000)).then().extract().path("id");
        var big = new HashMap<>(filing(voucher, provider, invoice(), 6_000_000, 3_000_000));
        String idBig = file(enterprise, big).then().statusCode(201).extract().path("id");
        confirm(idBig); // 18,000 yuan → auto-approved, held until paid

        TestClock.INSTANCE.setDay(LocalDate.of(2027, 4, 15));
        Fixtures.runExpiryJobs();
        operator("/redemptions/{id}/reject", Map.of("reason", "late"), idBig).then().statusCode(200);

        var v = Fixtures.voucherOf(enterprise, voucher);
        assertThat(v.get("status")).isEqualTo("EXPIRED");
        assertThat(v.get("heldFen")).isEqualTo(0);
        assertThat(v.get("availableFen")).isEqualTo(0);
        assertThat(v.get("expiredFen")).isEqualTo(2_000_000);
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, id).then().body("status", equalTo("EXPIRED"));
        assertThat(Fixtures.balance(2026).get("reconciles")).isEqualTo(true);
    }

    @Test
    void expiredVouchersCannotBeRedeemed() {
        TestClock.INSTANCE.setDay(LocalDate.of(2027, 4, 15));
        file(enterprise, filing(voucher, provider, invoice(), 100_000, 50_000)).then().statusCode(422)
                .body("code", equalTo("voucher-expired"));
    }

    @Test
    void futureCompletionDatesAreMalformed() {
        var body = new HashMap<>(filing(voucher, provider, invoice(), 100_000, 50_000));
        body.put("completionDate", "2026-05-01");
        file(enterprise, body).then().statusCode(400).body("violations[0].field", equalTo("completionDate"));
    }

    @Test
    void anotherEnterprisesVoucherIsNotFound() {
        String other = Fixtures.enterprise("310115");
        file(other, filing(voucher, provider, invoice(), 100_000, 50_000)).then().statusCode(404);
    }
}
