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
                .contentType(org.hamcrest.Matchers.startsWith(RedemptionExport.XLSX)).extract().asByteArray();
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
