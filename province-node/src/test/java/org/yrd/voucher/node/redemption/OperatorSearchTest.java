package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** An operator's day: lists with names beside codes, searched by name, USCC, invoice or contract and by day, and in Excel. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OperatorSearchTest {
    @Test
    void theOperatorFindsARedemptionByNameCodeInvoiceContractOrDayAndExportsWhatItFound() throws IOException {
        String enterprise = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String invoice = "FP-SEARCH-" + UUID.randomUUID().toString().substring(0, 8);
        String voucher = Fixtures.voucher(enterprise, 1_000_000);
        var filing = Fixtures.filing(voucher, provider, invoice, 200_000, 100_000);
        String contract = (String) filing.get("contractNo");
        String id = Fixtures.file(enterprise, filing).then().statusCode(201).extract().path("id");
        String name = given().get("/api/v1/enterprises/{u}", enterprise).then().extract().path("name");
        String today = TimeSource.today(TestClock.INSTANCE).toString();

        for (String q : List.of(enterprise, provider.toLowerCase(), invoice.toLowerCase().substring(3), contract, name.substring(2, 6))) {
            given().queryParam("q", q).get("/api/v1/operator/redemptions").then().statusCode(200)
                    .body("id", hasItem(id))
                    .body("find { it.id == '" + id + "' }.enterpriseName", equalTo(name))
                    .body("find { it.id == '" + id + "' }.providerName", org.hamcrest.Matchers.notNullValue());
        }
        given().queryParam("q", invoice).queryParam("status", "FILED").queryParam("from", today).queryParam("to", today)
                .get("/api/v1/operator/redemptions").then().statusCode(200).body("id", contains(id));
        given().queryParam("q", invoice).queryParam("to", TimeSource.today(TestClock.INSTANCE).minusDays(1).toString())
                .get("/api/v1/operator/redemptions").then().statusCode(200).body("id", not(hasItem(id)));
        // a wildcard typed is a character looked for, not a pattern
        given().queryParam("q", "%").get("/api/v1/operator/redemptions").then().statusCode(200).body("id", not(hasItem(id)));
        given().queryParam("from", today).queryParam("to", "2000-01-01").get("/api/v1/operator/redemptions")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));

        byte[] xlsx = given().queryParam("q", invoice).header("Accept-Language", "en")
                .get("/api/v1/operator/redemptions/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith(org.yrd.voucher.node.common.XlsxExport.TYPE)).extract().asByteArray();
        String sheet = sheets(xlsx);
        assertThat(sheet).contains("Enterprise USCC", invoice, enterprise, name, "1000");

        // the A4 approval sheet, in Chinese with the font embedded, carries the audit record of the filing
        int seq = given().get("/api/v1/operator/audit?target=" + id).then().statusCode(200)
                .extract().path("find { it.action == 'redemption.filed' }.seq");
        byte[] pdf = given().get("/api/v1/operator/redemptions/{id}/approval-sheet", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(text(pdf)).contains("兑付审批单", invoice, name, "#" + seq, "经办人");
        byte[] payments = given().queryParam("day", today).header("Accept-Language", "en")
                .get("/api/v1/operator/payments/sheet").then().statusCode(200).extract().asByteArray();
        assertThat(text(payments)).contains("payments of " + today, "Total (yuan)");
        given().get("/api/v1/operator/payments/sheet").then().statusCode(400).body("violations[0].field", equalTo("day"));
    }

    @Test
    void theApplicationsQueueShowsTheEnterprisesNameBesideItsCode() {
        String enterprise = Fixtures.enterprise("310115");
        String name = given().get("/api/v1/enterprises/{u}", enterprise).then().extract().path("name");
        String application = Fixtures.apply(enterprise, 3_000_000).then().statusCode(201).extract().path("id");
        given().queryParam("limit", 500).get("/api/v1/operator/applications/pending").then().statusCode(200)
                .body("find { it.id == '" + application + "' }.enterpriseName", equalTo(name));
    }

    /** Every list of the operator's day, with what it answers to an export and the state it may be filtered by. */
    private static final List<String> LISTS = List.of("/api/v1/operator/redemptions", "/api/v1/operator/applications/pending",
            "/api/v1/operator/risk-flags", "/api/v1/operator/providers", "/api/v1/operator/reports",
            "/api/v1/operator/audit");

    @Test
    void everyListRefusesTheSameBadFiltersTheSameWayAndExportsAWorkbook() {
        String long101 = "字".repeat(101);
        for (String list : LISTS) {
            given().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("to"));
            given().queryParam("to", "2026-12-01").queryParam("from", "yesterday").get(list).then().statusCode(400)
                    .body("violations[0].field", equalTo("from"));
            given().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get(list + "/export").then()
                    .statusCode(400).body("violations[0].field", equalTo("to"));
            if (!list.endsWith("/audit")) {
                given().queryParam("q", long101).get(list).then().statusCode(400).body("violations[0].field", equalTo("q"));
                given().queryParam("q", long101).get(list + "/export").then().statusCode(400)
                        .body("violations[0].field", equalTo("q"));
            }
            if (!list.endsWith("/pending") && !list.endsWith("/audit")) {
                given().queryParam("status", "NOT_A_STATE").get(list).then().statusCode(400)
                        .body("violations[0].field", equalTo("status"));
            }
            given().header("Accept-Language", "en").get(list + "/export").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith(org.yrd.voucher.node.common.XlsxExport.TYPE))
                    .header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx"));
        }
    }

    @Test
    void theQueuesOfApplicationsFlagsProvidersAndReportsAreFoundByNameAndExportedAsFound() throws IOException {
        String enterprise = Fixtures.enterprise("310115");
        String name = given().get("/api/v1/enterprises/{u}", enterprise).then().extract().path("name");
        String part = name.substring(name.length() - 7); // a piece of the name, not the whole
        String today = TimeSource.today(TestClock.INSTANCE).toString();
        String yesterday = TimeSource.today(TestClock.INSTANCE).minusDays(1).toString();

        // applications waiting for a decision
        String application = Fixtures.apply(enterprise, 3_000_000).then().statusCode(201).extract().path("id");
        for (String q : List.of(enterprise, enterprise.toLowerCase(), part)) {
            given().queryParam("q", q).queryParam("from", today).get("/api/v1/operator/applications/pending").then()
                    .statusCode(200).body("id", contains(application)).body("[0].enterpriseName", equalTo(name));
        }
        given().queryParam("q", enterprise).queryParam("to", yesterday).get("/api/v1/operator/applications/pending")
                .then().statusCode(200).body("id", not(hasItem(application)));
        given().queryParam("q", "%").get("/api/v1/operator/applications/pending").then().statusCode(200)
                .body("id", not(hasItem(application)));
        assertThat(sheets(given().queryParam("q", part).header("Accept-Language", "en")
                .get("/api/v1/operator/applications/pending/export").then().statusCode(200).extract().asByteArray()))
                .contains("Enterprise USCC", enterprise, name, application, "30000");

        // a risk flag: the enterprise declares a relation with its provider (P13)
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String providerName = given().get("/api/v1/providers/{u}", provider).then().extract().path("name");
        String voucher = Fixtures.voucher(enterprise, 1_000_000);
        String invoice = "FP-FLAG-" + UUID.randomUUID().toString().substring(0, 8);
        var filing = new java.util.HashMap<>(Fixtures.filing(voucher, provider, invoice, 200_000, 100_000));
        filing.put("relationDeclared", true);
        String redemption = Fixtures.file(enterprise, filing).then().statusCode(201).extract().path("id");
        for (String q : List.of(part, provider, invoice.toLowerCase())) {
            given().queryParam("q", q).queryParam("status", "OPEN").get("/api/v1/operator/risk-flags").then()
                    .statusCode(200).body("redemptionId", hasItem(redemption))
                    .body("find { it.redemptionId == '" + redemption + "' }.enterpriseName", equalTo(name))
                    .body("find { it.redemptionId == '" + redemption + "' }.providerName", equalTo(providerName))
                    .body("find { it.redemptionId == '" + redemption + "' }.invoiceNo", equalTo(invoice));
        }
        given().queryParam("q", invoice).queryParam("status", "CLEARED").get("/api/v1/operator/risk-flags").then()
                .statusCode(200).body("redemptionId", not(hasItem(redemption)));
        assertThat(sheets(given().queryParam("q", invoice).get("/api/v1/operator/risk-flags/export").then()
                .statusCode(200).extract().asByteArray())).contains("发票号码", invoice, name, providerName);

        // the providers' admissions
        String providerPart = providerName.substring(providerName.length() - 7);
        given().queryParam("q", providerPart).queryParam("status", "ADMITTED").get("/api/v1/operator/providers").then()
                .statusCode(200).body("uscc", contains(provider));
        given().queryParam("q", providerPart).queryParam("status", "REVOKED").get("/api/v1/operator/providers").then()
                .statusCode(200).body("uscc", not(hasItem(provider)));
        assertThat(sheets(given().queryParam("q", provider).get("/api/v1/operator/providers/export").then()
                .statusCode(200).extract().asByteArray())).contains("法定代表人", provider, providerName);

        // a public report about the enterprise: found by its name or the report's words; the export leaves out the contact
        String word = "虚开" + UUID.randomUUID().toString().substring(0, 6);
        String report = given().contentType("application/json").header("X-Forwarded-For", "10.77." + (int) (Math.random() * 250) + ".9")
                .body(java.util.Map.of("subjectKind", "ENTERPRISE", "subject", enterprise, "description", word + "发票",
                        "contact", "13911112222")).post("/api/v1/public/reports").then().statusCode(201).extract().path("id");
        for (String q : List.of(part, word, enterprise)) {
            given().queryParam("q", q).get("/api/v1/operator/reports").then().statusCode(200).body("id", hasItem(report))
                    .body("find { it.id == '" + report + "' }.subjectName", equalTo(name));
        }
        given().queryParam("q", word).queryParam("from", today).queryParam("to", today).queryParam("status", "ACCEPTED")
                .get("/api/v1/operator/reports").then().statusCode(200).body("id", not(hasItem(report)));
        String reports = sheets(given().queryParam("q", word).get("/api/v1/operator/reports/export").then().statusCode(200)
                .extract().asByteArray());
        assertThat(reports).contains(report, name, word).doesNotContain("13911112222");

        // the audit trail, as filtered
        assertThat(sheets(given().queryParam("target", redemption).queryParam("from", today).header("Accept-Language", "en")
                .get("/api/v1/operator/audit/export").then().statusCode(200).extract().asByteArray()))
                .contains("Action", "redemption.filed", redemption);
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /** The workbook's worksheets and shared strings, as text. */
    private static String sheets(byte[] xlsx) throws IOException {
        // read by its central directory, as Excel does
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // XML character references as the characters they stand for
        return java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text).replaceAll(m -> java.util.regex.Matcher
                .quoteReplacement(Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    }
}
