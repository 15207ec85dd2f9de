package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** What a reader is told: why an amount was trimmed (P6), and the system's own reasons in the reader's language. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RedemptionReasonsTest {
    String enterprise;
    String provider;

    @BeforeEach
    void setUp() {
        enterprise = Fixtures.enterprise("310115");
        provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
    }

    String invoice() {
        return "R-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void aRequestAboveTheSubsidyRatioIsTrimmedAndSaysSo() {
        String voucher = Fixtures.voucher(enterprise, 1_000_000);
        // Shanghai pays 50 %: 150,000 fen asked on a 200,000 fen purchase → 100,000 fen
        String id = Fixtures.file(enterprise, Fixtures.filing(voucher, provider, invoice(), 200_000, 150_000))
                .then().statusCode(201).body("voucherAmountFen", equalTo(100_000))
                .body("trimmedBy", equalTo("RATIO"))
                .body("trimmedReason", equalTo("按本省补助比例计算，兑付金额低于申请金额（P6）。"))
                .extract().path("id");
        given().header("Accept-Language", "en").get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, id)
                .then().body("trimmedReason", equalTo("At the province's subsidy ratio the voucher pays less than requested (P6)."));
    }

    @Test
    void aRequestAboveTheVouchersBalanceIsTrimmedToItAndSaysSo() {
        String voucher = Fixtures.voucher(enterprise, 100_000);
        Fixtures.file(enterprise, Fixtures.filing(voucher, provider, invoice(), 1_000_000, 400_000))
                .then().statusCode(201).body("voucherAmountFen", equalTo(100_000))
                .body("trimmedBy", equalTo("BALANCE"));
    }

    @Test
    void aRequestPaidInFullIsNotTrimmed() {
        String voucher = Fixtures.voucher(enterprise, 1_000_000);
        Fixtures.file(enterprise, Fixtures.filing(voucher, provider, invoice(), 400_000, 200_000))
                .then().statusCode(201).body("voucherAmountFen", equalTo(200_000))
                .body("trimmedBy", nullValue()).body("trimmedReason", nullValue());
    }

    @Test
    void anAutomaticApprovalGivesItsReasonInTheReadersLanguageAndAPersonsReasonStaysAsWritten() {
        String voucher = Fixtures.voucher(enterprise, 1_000_000);
        String small = Fixtures.file(enterprise, Fixtures.filing(voucher, provider, invoice(), 400_000, 200_000))
                .then().extract().path("id");
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, small).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reasonCode", equalTo("auto-approved"))
                .body("reason", equalTo("低于本省自动审批阈值，自动通过。"));
        given().header("Accept-Language", "en").get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, small)
                .then().body("reason", equalTo("Below the province's auto-approval threshold: approved automatically."));

        String rejected = Fixtures.file(enterprise, Fixtures.filing(voucher, provider, invoice(), 400_000, 200_000))
                .then().extract().path("id");
        Fixtures.operator("/redemptions/{id}/reject", Map.of("reason", "合同与发票不符"), rejected).then()
                .statusCode(200).body("reasonCode", nullValue()).body("reason", equalTo("合同与发票不符"));
    }
}
