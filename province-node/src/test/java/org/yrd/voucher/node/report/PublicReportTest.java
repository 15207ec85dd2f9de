package org.yrd.voucher.node.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** P13 social supervision: anyone reports, operators triage, a true report can list the party, counts are public. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PublicReportTest {
    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static io.restassured.response.Response report(String kind, String subject) {
        return given().contentType(ContentType.JSON).body(Map.of("subjectKind", kind, "subject", subject,
                "description", "收了创新券却没有做检测", "contact", "13800000000")).post("/api/v1/public/reports");
    }

    @Test
    void anyoneReportsWithoutSigningInAndAnAcceptedReportCanListTheProvider() {
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String id = report("PROVIDER", provider).then().statusCode(201).body("status", equalTo("RECEIVED"))
                .body("receivedAt", notNullValue()).extract().path("id");
        given().get("/api/v1/operator/reports?status=RECEIVED&limit=500").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.contact", equalTo("13800000000"));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "reason", "x", "list", true))
                .post("/api/v1/operator/reports/{id}/triage", id).then().statusCode(400)
                .body("violations[0].field", equalTo("list"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ACCEPTED", "reason", "现场核查属实", "list", true))
                .post("/api/v1/operator/reports/{id}/triage", id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("operator-1"))
                .body("negativeListEntry", notNullValue());
        given().get("/api/v1/public/negative-list").then().body("partyUscc", hasItem(provider));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "REFERRED", "reason", "again"))
                .post("/api/v1/operator/reports/{id}/triage", id).then().statusCode(409)
                .body("code", equalTo("report-triaged"));
        given().get("/api/v1/operator/audit?target=" + id).then().body("action", hasItem("report.accepted"));
    }

    @Test
    void aReportNamesWhatItIsAboutInAFormTheNodeKnows() {
        report("ENTERPRISE", "not-a-uscc").then().statusCode(400).body("violations[0].field", equalTo("subject"));
        report("REDEMPTION", "123").then().statusCode(400).body("violations[0].field", equalTo("subject"));
        report("SHOP", "x").then().statusCode(400);
    }

    @Test
    void behindATrustedProxyEachForwardedAddressHasItsOwnQuota() {
        // before, everyone behind the ingress shared one socket address and so one quota; the test client connects
        // from 127.0.0.1, the proxy the local configuration trusts
        TestClock.INSTANCE.set(Instant.parse("2031-06-01T02:00:00Z"));
        String enterprise = Fixtures.uscc("310115");
        for (int i = 0; i < 10; i++) {
            reportFrom("203.0.113.7", enterprise).then().statusCode(201);
        }
        reportFrom("203.0.113.7", enterprise).then().statusCode(429);
        reportFrom("203.0.113.8", enterprise).then().statusCode(201);
    }

    private static io.restassured.response.Response reportFrom(String address, String subject) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Map.of("subjectKind",
                "ENTERPRISE", "subject", subject, "description", "收了创新券却没有做检测")).post("/api/v1/public/reports");
    }

    @Test
    void oneAddressFilesAtMostTenReportsAnHour() {
        TestClock.INSTANCE.set(Instant.parse("2031-05-01T02:00:00Z")); // an hour no other test reports in
        String enterprise = Fixtures.uscc("310115");
        for (int i = 0; i < 10; i++) {
            report("ENTERPRISE", enterprise).then().statusCode(201);
        }
        report("ENTERPRISE", enterprise).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("too-many-reports"));
        TestClock.INSTANCE.set(Instant.parse("2031-05-01T03:00:01Z"));
        report("ENTERPRISE", enterprise).then().statusCode(201);
        given().get("/api/v1/public/reports/statistics").then().statusCode(200)
                .body("find { it.month == '2031-05' && it.status == 'RECEIVED' }.count", equalTo(11));
    }
}
