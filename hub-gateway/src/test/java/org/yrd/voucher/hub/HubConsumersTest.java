package org.yrd.voucher.hub;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.policy.Uscc;
import org.yrd.voucher.testkit.EventProducer;
import org.yrd.voucher.testkit.TestKeys;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** Each of the hub's consumers, fed real events through the real broker. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class HubConsumersTest {
    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 10_000_000L);
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    HubConsumers consumers;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    EventProducer producer;

    @BeforeEach
    void producer() {
        producer = new EventProducer(bootstrap);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    /** A keyed hash as nodes send them (hex SHA-256), standing for an invoice or a contract. */
    static String hex(Object of) {
        return org.yrd.voucher.events.InvoiceHash.of("test", "hub", String.valueOf(of));
    }

    static String uscc(String district) {
        String first17 = "91" + district + String.format("H%08d", SEQ.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    CloudEvent send(String topic, String province, String type, String key, Object data) {
        return producer.publish(topic, CloudEvent.nodeSource(province), type, key, data);
    }

    void send(String topic, String key, String value) throws Exception {
        producer.send(topic, key, value);
    }

    void admit(String province, String provider, String status, Set<String> categories, List<Payloads.Qualification> q)
            throws Exception {
        send(Topics.PROVIDER_ADMISSIONS, province, EventTypes.PROVIDER_ADMISSION_CHANGED, provider,
                new Payloads.ProviderAdmission(province, provider, "机构" + provider.substring(9), status, categories, q, "t"));
    }

    @Test
    void aQueryParameterTheHubCannotUseIsA400NamingIt() {
        // before, "?year=2026x" and "?limit=ten" were JAX-RS's bare 404, "?limit=0" quietly became 1, and an
        // unknown province or a misspelt category quietly found nothing
        for (String[] bad : new String[][] {{"/api/v1/taskgroup/provinces?year=2026x", "year"},
                {"/api/v1/taskgroup/provinces?year=1999", "year"}, {"/api/v1/taskgroup/top-providers?limit=ten", "limit"},
                {"/api/v1/taskgroup/top-providers?limit=0", "limit"}, {"/api/v1/taskgroup/top-providers?limit=101", "limit"},
                {"/api/v1/public/providers?province=HK", "province"},
                {"/api/v1/public/providers?category=testing", "category"},
                {"/api/v1/public/provider-reports/not-a-uscc", "uscc"},
                {"/api/v1/public/provider-reports/" + "9".repeat(300), "uscc"},
                {"/api/v1/taskgroup/quarantine?offset=-1", "offset"}}) {
            given().get(bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("invalid-request"))
                    .body("violations[0].field", equalTo(bad[1]));
        }
        given().get("/api/v1/taskgroup/provinces?year=2026").then().statusCode(200);
        given().get("/api/v1/taskgroup/top-providers?limit=100").then().statusCode(200);
        given().get("/api/v1/public/providers?province=sh&category=SCI_TECH_CONSULTING").then().statusCode(200);
    }

    @Test
    void anUnknownCategoryIsA400LikeAnUnknownProvinceAndAProvincesOwnCategoryIsKnown() throws Exception {
        given().get("/api/v1/public/providers?category=TIME_TRAVEL").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].code", equalTo("unknown-category"));
        // a category one province adds to the common list (P2) is known once a provider reports it
        String p = uscc("310104");
        admit("SH", p, "ADMITTED", Set.of("INDUSTRIAL_DESIGN"), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/public/providers?category=INDUSTRIAL_DESIGN").then().statusCode(200));
    }

    @Test
    void theHubsProblemsSpeakTheReadersLanguageLikeTheNodes() {
        given().get("/api/v1/taskgroup/top-providers?limit=0").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("请求无效"))
                .body("violations[0].message", equalTo("须为 1 到 100 之间的整数。"));
        given().header("Accept-Language", "en").get("/api/v1/taskgroup/top-providers?limit=0").then().statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("violations[0].message", equalTo("a whole number from 1 to 100"));
        given().header("Accept-Language", "en").get("/api/v1/taskgroup/nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("no-such-resource"));
    }

    @Test
    void testingIsRecognisedOnlyWithCmaOrCnasAndSuspensionWithdrawsRecognition() throws Exception {
        String p = uscc("310104");
        admit("SH", p, "ADMITTED", Set.of("TESTING_INSPECTION_CERTIFICATION", "SCI_TECH_CONSULTING"), List.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers?province=SH")
                .then().body("find { it.uscc == '" + p + "' }.categories", equalTo(List.of("SCI_TECH_CONSULTING"))));

        admit("SH", p, "ADMITTED", Set.of("TESTING_INSPECTION_CERTIFICATION", "SCI_TECH_CONSULTING"),
                List.of(new Payloads.Qualification("CNAS", "L123")));
        await().atMost(PATIENCE).untilAsserted(() -> given()
                .get("/api/v1/public/providers?category=TESTING_INSPECTION_CERTIFICATION").then().body("uscc", hasItem(p)));

        admit("SH", p, "SUSPENDED", Set.of("TESTING_INSPECTION_CERTIFICATION"), List.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                .body("uscc", not(hasItem(p))));
    }

    @Test
    void aProviderStaysWithTheProvinceThatAdmittedIt() throws Exception {
        String p = uscc("310104");
        admit("SH", p, "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
        CloudEvent foreign = send(Topics.PROVIDER_ADMISSIONS, "ZJ", EventTypes.PROVIDER_ADMISSION_CHANGED, p,
                new Payloads.ProviderAdmission("ZJ", p, "冒名", "REVOKED", Set.of("SCI_TECH_CONSULTING"), List.of(), "x"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/provenance-refusals").then()
                .body("eventId", hasItem(foreign.id())));
        given().get("/api/v1/public/providers").then().body("uscc", hasItem(p));
    }

    /** Provenance: a node's event counts only when signed with that node's own key. */
    @Test
    void anEventSignedByAnotherNodesKeyOrUnsignedIsRefused() throws Exception {
        String p = uscc("330104");
        var admission = new Payloads.ProviderAdmission("ZJ", p, "冒名机构", "ADMITTED", Set.of("SCI_TECH_CONSULTING"),
                List.of(), "forged");
        // SH's key, speaking as ZJ's node; and no signature at all
        CloudEvent forged = producer.send(Topics.PROVIDER_ADMISSIONS, p, TestKeys.signedBy("SH", EventCodec.envelope(
                CloudEvent.nodeSource("ZJ"), EventTypes.PROVIDER_ADMISSION_CHANGED, p, Instant.now(), admission)));
        CloudEvent unsigned = producer.send(Topics.PROVIDER_ADMISSIONS, p, EventCodec.envelope(
                CloudEvent.nodeSource("ZJ"), EventTypes.PROVIDER_ADMISSION_CHANGED, p, Instant.now(), admission));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/provenance-refusals").then()
                .body("find { it.eventId == '" + forged.id() + "' }.reason", equalTo("signature is not /yrd/node/ZJ's"))
                .body("find { it.eventId == '" + unsigned.id() + "' }.reason", equalTo("unsigned")));
        given().get("/api/v1/public/providers").then().body("uscc", not(hasItem(p)));
        // the same event signed by ZJ's own key is accepted
        send(Topics.PROVIDER_ADMISSIONS, "ZJ", EventTypes.PROVIDER_ADMISSION_CHANGED, p, admission);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
    }

    @Test
    void aPartyStaysOnTheYrdListUntilEveryProvincesEntryHasEnded() throws Exception {
        String p = uscc("310104");
        admit("SH", p, "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of());
        var today = java.time.LocalDate.now();
        String e1 = UUID.randomUUID().toString();
        String e9 = UUID.randomUUID().toString();
        send(Topics.CREDIT_REPORTS, "SH", EventTypes.CREDIT_REPORTED, p,
                new Payloads.CreditReport("SH", e1, p, "PROVIDER", "X", "fake reports", today, null, false));
        send(Topics.CREDIT_REPORTS, "ZJ", EventTypes.CREDIT_REPORTED, p,
                new Payloads.CreditReport("ZJ", e9, p, "PROVIDER", "X", "fraud", today, null, false));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                .body("uscc", not(hasItem(p))));
        send(Topics.CREDIT_REPORTS, "SH", EventTypes.CREDIT_REPORTED, p,
                new Payloads.CreditReport("SH", e1, p, "PROVIDER", "X", "fake reports", today, null, true));
        await().atMost(PATIENCE).until(() -> openEntries(p) == 1);
        given().get("/api/v1/public/providers").then().body("uscc", not(hasItem(p)));
        // P13 disclosure: the YRD list is public at the hub, each entry with the province that listed the party
        given().get("/api/v1/public/negative-list").then().statusCode(200)
                .body("findAll { it.partyUscc == '" + p + "' }.province", org.hamcrest.Matchers.contains("ZJ"))
                .body("find { it.partyUscc == '" + p + "' }.reason", equalTo("fraud"));
        send(Topics.CREDIT_REPORTS, "ZJ", EventTypes.CREDIT_REPORTED, p,
                new Payloads.CreditReport("ZJ", e9, p, "PROVIDER", "X", "fraud", today, null, true));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
    }

    @Test
    void anEntryThatHasNotBegunLeavesTheProviderRecognised() throws Exception {
        // P13: before, any open entry withdrew recognition YRD-wide, even one its province had dated next week
        String p = recognisedConsultancy();
        var today = org.yrd.voucher.edge.TimeSource.today(java.time.Clock.systemUTC());
        send(Topics.CREDIT_REPORTS, "ZJ", EventTypes.CREDIT_REPORTED, p, new Payloads.CreditReport("ZJ",
                UUID.randomUUID().toString(), p, "PROVIDER", "X", "from next week", today.plusDays(7), null, false));
        await().atMost(PATIENCE).until(() -> openEntries(p) == 1);
        given().get("/api/v1/public/providers").then().body("uscc", hasItem(p));
        send(Topics.CREDIT_REPORTS, "JS", EventTypes.CREDIT_REPORTED, p, new Payloads.CreditReport("JS",
                UUID.randomUUID().toString(), p, "PROVIDER", "X", "since yesterday", today.minusDays(1), null, false));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                .body("uscc", not(hasItem(p))));
    }

    @Test
    void everyHeadTheHubWitnessedCanBeReadAPageAtATime() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO audit_head (province, seq, hash)
                SELECT 'AH', s, lpad(to_hex(s), 64, '0') FROM generate_series(1, 1500) s ON CONFLICT DO NOTHING""")
                .executeUpdate());
        var first = given().get("/api/v1/public/audit-heads/AH?after=0").then().statusCode(200).extract().jsonPath()
                .getList("seq", Long.class);
        assertThat(first).hasSize(1000).startsWith(1L).endsWith(1000L);
        var rest = given().get("/api/v1/public/audit-heads/AH?after=1000&limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("seq", Long.class);
        assertThat(rest).hasSize(500).startsWith(1001L).endsWith(1500L);
        // without a position: the newest, newest first
        given().get("/api/v1/public/audit-heads/AH").then().log().ifValidationFails().body("[0].seq", equalTo(1500)).body("size()", equalTo(1000));
        given().get("/api/v1/public/audit-heads/AH?after=-1").then().statusCode(400)
                .body("violations[0].field", equalTo("after"));
    }

    long openEntries(String party) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM credit_entry WHERE party_uscc = ?1 AND NOT ended")
                .setParameter(1, party).getSingleResult()).longValue());
    }

    @Test
    void aUsageEventDeliveredTwiceIsCountedOnceAndMalformedOnesAreSkipped() throws Exception {
        String redemption = UUID.randomUUID().toString();
        String lab = uscc("320505");
        var paid = new Payloads.RedemptionUsage("AH", redemption, UUID.randomUUID().toString(), uscc("340104"),
                lab, "JS", "RESEARCH_AND_DEVELOPMENT", "PAID", 123_456, 2026, hex(redemption),
                Instant.now().minusSeconds(60), Instant.now());
        CloudEvent e = TestKeys.signedBy("AH", EventCodec.envelope(CloudEvent.nodeSource("AH"),
                EventTypes.REDEMPTION_TRANSITION, redemption, Instant.now(), paid));
        send(Topics.USAGE, redemption, "{not an event");
        send(Topics.USAGE, redemption, EventCodec.write(e));
        send(Topics.USAGE, redemption, EventCodec.write(e));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/flows").then()
                .body("find { it.issuingProvince == 'AH' && it.providerProvince == 'JS' }.count", equalTo(1))
                .body("find { it.issuingProvince == 'AH' && it.providerProvince == 'JS' }.amountFen", equalTo(123_456)));
        // P11: the lab is among the top providers, once
        given().get("/api/v1/taskgroup/top-providers?limit=100").then().statusCode(200)
                .body("find { it.providerUscc == '" + lab + "' }.count", equalTo(1))
                .body("find { it.providerUscc == '" + lab + "' }.amountFen", equalTo(123_456));
        // per category, and P9's filing-to-payment time per issuing province (this one took 60 s)
        given().get("/api/v1/taskgroup/categories").then().statusCode(200)
                .body("find { it.category == 'RESEARCH_AND_DEVELOPMENT' }.count", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().get("/api/v1/taskgroup/time-to-redemption").then().statusCode(200)
                .body("find { it.province == 'AH' }.paid", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("find { it.province == 'AH' }.p90Seconds", org.hamcrest.Matchers.greaterThan(0f))
                .body("find { it.province == 'AH' }.distribution.size()", equalTo(6));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM usage_event WHERE aggregate_id = ?1")
                .setParameter(1, redemption).getSingleResult()).longValue())).isEqualTo(1);
    }

    /** P8: the year's report in one click, as a workbook and as a PDF, carries what the dashboard shows. */
    @Test
    void theTaskGroupsAnnualReportCarriesTheYearsFlowsAndProviders() throws Exception {
        String redemption = UUID.randomUUID().toString();
        String lab = uscc("320505");
        Instant filed = Instant.now().minusSeconds(3 * 86_400);
        var paid = new Payloads.RedemptionUsage("AH", redemption, UUID.randomUUID().toString(), uscc("340104"),
                lab, "JS", "TESTING_INSPECTION_CERTIFICATION", "PAID", 765_432, 2024, hex(redemption), filed, Instant.now());
        consumers.usage(List.of(EventCodec.write(TestKeys.signedBy("AH", EventCodec.envelope(CloudEvent.nodeSource("AH"),
                EventTypes.REDEMPTION_TRANSITION, redemption, Instant.now(), paid)))));

        byte[] pdf = given().queryParam("year", 2024).get("/api/v1/taskgroup/annual-report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("2024 年度长三角科技创新券统计报告", "安徽省 -> 江苏省", "7,654.32", "服务机构排名");
        byte[] xlsx = given().queryParam("year", 2024).header("Accept-Language", "en")
                .get("/api/v1/taskgroup/annual-report.xlsx").then().statusCode(200).extract().asByteArray();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        StringBuilder book = new StringBuilder();
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                book.append(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(book.toString()).contains("Flows between provinces", "High-quality providers", lab, "7654.32");
        given().queryParam("year", "last").get("/api/v1/taskgroup/annual-report.pdf").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
    }

    @Test
    void aBatchRepeatingAnEventAppliesItOnceAndKeepsTheLatestState() {
        // the consumer's own entry point, with a batch as Kafka hands it over: a repeat inside the batch, and a
        // transition that is older than one already applied arriving after it
        String redemption = UUID.randomUUID().toString();
        Instant filed = Instant.now().minusSeconds(120);
        CloudEvent approved = transition(redemption, "APPROVED", filed, filed.plusSeconds(30));
        CloudEvent paid = transition(redemption, "PAID", filed, filed.plusSeconds(60));
        consumers.usage(List.of(EventCodec.write(paid), EventCodec.write(paid), EventCodec.write(approved)));
        consumers.usage(List.of(EventCodec.write(paid)));

        assertThat(count("SELECT count(*) FROM usage_event WHERE aggregate_id = ?1", redemption)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id IN (?1, ?2)", null,
                UUID.fromString(paid.id()), UUID.fromString(approved.id()))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT status FROM redemption_state WHERE redemption_id = ?1")
                .setParameter(1, UUID.fromString(redemption)).getSingleResult())).isEqualTo("PAID");
        // the export streams one line per redemption, counted once
        String csv = given().get("/api/v1/taskgroup/export.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("redemption_id,issuing_province,provider_province,provider_uscc,category,status,");
        assertThat(csv.lines().filter(l -> l.startsWith(redemption + ",JS,ZJ,"))).hasSize(1);
    }

    @Test
    void theRollupsTheDashboardReadsAlwaysEqualTheRedemptionsAndEventsThemselves() {
        // states that move (approved, paid, a late older one) and a voucher issued, then the invariant at one snapshot
        String redemption = UUID.randomUUID().toString();
        Instant filed = Instant.now().minusSeconds(300);
        consumers.usage(List.of(EventCodec.write(transition(redemption, "APPROVED", filed, filed.plusSeconds(10)))));
        consumers.usage(List.of(EventCodec.write(transition(redemption, "PAID", filed, filed.plusSeconds(20))),
                EventCodec.write(transition(redemption, "FILED", filed, filed.plusSeconds(1)))));
        String v = UUID.randomUUID().toString();
        consumers.usage(List.of(EventCodec.write(TestKeys.signedBy("JS", EventCodec.envelope(CloudEvent.nodeSource("JS"),
                EventTypes.VOUCHER_ISSUED, v, Instant.now(), new Payloads.VoucherUsage("JS", v, uscc("320505"), 70_000,
                        2026, Instant.now(), "320505"))))));
        String[][] sameAs = {
                {"SELECT province, year, issued_fen, expired_fen, held_fen, redeemed_fen FROM province_year_totals "
                        + "WHERE issued_fen <> 0 OR expired_fen <> 0 OR held_fen <> 0 OR redeemed_fen <> 0 ORDER BY 1, 2",
                 """
                 SELECT province, year, sum(i), sum(e), sum(h), sum(r) FROM (
                   SELECT province, budget_year AS year,
                     coalesce(sum(amount_fen) FILTER (WHERE type = 'yrd.voucher.issued.v1'), 0) AS i,
                     coalesce(sum(amount_fen) FILTER (WHERE type = 'yrd.voucher.expired.v1'), 0) AS e, 0 AS h, 0 AS r
                   FROM usage_event WHERE type IN ('yrd.voucher.issued.v1', 'yrd.voucher.expired.v1') GROUP BY 1, 2
                   UNION ALL
                   SELECT province, budget_year, 0, 0,
                     coalesce(sum(voucher_amount_fen) FILTER (WHERE status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED')), 0),
                     coalesce(sum(voucher_amount_fen) FILTER (WHERE status = 'PAID'), 0)
                   FROM redemption_state GROUP BY 1, 2) x
                 GROUP BY 1, 2 HAVING sum(i) <> 0 OR sum(e) <> 0 OR sum(h) <> 0 OR sum(r) <> 0 ORDER BY 1, 2"""},
                {"SELECT province, provider_province, year, count, amount_fen FROM paid_flow WHERE count > 0 ORDER BY 1, 2, 3",
                 "SELECT province, provider_province, budget_year, count(*), sum(voucher_amount_fen) FROM redemption_state "
                         + "WHERE status = 'PAID' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"},
                {"SELECT category, year, count, amount_fen FROM paid_category WHERE count > 0 ORDER BY 1, 2",
                 "SELECT category, budget_year, count(*), sum(voucher_amount_fen) FROM redemption_state WHERE status = 'PAID' "
                         + "GROUP BY 1, 2 ORDER BY 1, 2"},
                {"SELECT provider_uscc, provider_province, year, count, amount_fen FROM paid_provider WHERE count > 0 "
                         + "ORDER BY 1, 2, 3",
                 "SELECT provider_uscc, provider_province, budget_year, count(*), sum(voucher_amount_fen) FROM redemption_state "
                         + "WHERE status = 'PAID' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"},
                {"SELECT province, city, year, vouchers, issued_fen, paid, redeemed_fen FROM city_year_totals "
                         + "WHERE vouchers <> 0 OR paid <> 0 ORDER BY 1, 2, 3",
                 """
                 SELECT province, city, year, sum(v), sum(i), sum(p), sum(r) FROM (
                   SELECT province, left(district, 4) AS city, budget_year AS year, count(*) AS v, sum(amount_fen) AS i, 0 AS p, 0 AS r
                   FROM usage_event WHERE type = 'yrd.voucher.issued.v1' AND district IS NOT NULL GROUP BY 1, 2, 3
                   UNION ALL
                   SELECT province, left(district, 4), budget_year, 0, 0, count(*), sum(voucher_amount_fen)
                   FROM redemption_state WHERE status = 'PAID' AND district IS NOT NULL GROUP BY 1, 2, 3) x
                 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""},
                {"SELECT province, year, bucket, count FROM paid_duration WHERE count > 0 ORDER BY 1, 2, 3",
                 "SELECT province, budget_year, duration_bucket(extract(epoch FROM paid_at - filed_at)), count(*) "
                         + "FROM redemption_state WHERE status = 'PAID' AND filed_at IS NOT NULL AND paid_at IS NOT NULL "
                         + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"}};
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            for (String[] pair : sameAs) {
                List<String> rollup = rows(pair[0]);
                assertThat(rollup).as(pair[0]).isNotEmpty().isEqualTo(rows(pair[1]));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return ((List<Object[]>) em.createNativeQuery(sql).getResultList()).stream()
                .map(r -> java.util.Arrays.stream(r).map(x -> x instanceof Number n ? String.valueOf(n.longValue())
                        : String.valueOf(x)).toList().toString()).toList();
    }

    private CloudEvent transition(String redemption, String status, Instant filed, Instant at) {
        // JS → ZJ: a flow no other test here counts
        var usage = new Payloads.RedemptionUsage("JS", redemption, UUID.randomUUID().toString(), uscc("320505"),
                uscc("330106"), "ZJ", "RESEARCH_AND_DEVELOPMENT", status, 50_000, 2026, hex(redemption), filed, at);
        return TestKeys.signedBy("JS",
                EventCodec.envelope(CloudEvent.nodeSource("JS"), EventTypes.REDEMPTION_TRANSITION, redemption, at, usage));
    }

    private long count(String sql, String aggregateId, Object... ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            if (aggregateId != null) {
                q.setParameter(1, aggregateId);
            } else {
                for (int i = 0; i < ids.length; i++) {
                    q.setParameter(i + 1, ids[i]);
                }
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void aRequestForAnInvoiceLiveInAnotherProvinceIsRefusedAndOthersAreRouted() throws Exception {
        String p = recognisedConsultancy();
        String hash = hex(UUID.randomUUID());
        String local = UUID.randomUUID().toString();
        send(Topics.USAGE, "SH", EventTypes.REDEMPTION_TRANSITION, local, new Payloads.RedemptionUsage("SH", local,
                UUID.randomUUID().toString(), uscc("310115"), p, "SH", "SCI_TECH_CONSULTING", "FILED", 100, 2026, hash,
                Instant.now(), Instant.now()));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM invoice_seen WHERE invoice_hash = ?1").setParameter(1, hash).getResultList().isEmpty()));

        String dup = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        for (String[] r : new String[][] {{dup, hash}, {fresh, hex(UUID.randomUUID())}}) {
            send(Topics.HUB_REQUESTS, "ZJ", EventTypes.REDEMPTION_REQUESTED, r[0], new Payloads.CrossRegionRequest(r[0],
                    "ZJ", "SH", p, uscc("330106"), "企业", "SCI_TECH_CONSULTING", "HT", r[1], 1000, 500,
                    java.time.LocalDate.now(), Instant.now()));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(outboxTypes(Topics.nodeInbox("ZJ"), dup)).containsExactly(EventTypes.REDEMPTION_REFUSED_BY_HUB);
            assertThat(outboxTypes(Topics.nodeInbox("SH"), fresh))
                    .containsExactly(EventTypes.REDEMPTION_CONFIRMATION_REQUESTED);
        });
        // SH may not answer for a redemption routed to another province's provider, nor ZJ for SH's
        CloudEvent forged = send(Topics.HUB_REQUESTS, "ZJ", EventTypes.REDEMPTION_PROVIDER_ANSWERED, fresh,
                new Payloads.ProviderAnswer(fresh, "ZJ", "ZJ", p, "CONFIRMED", null, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/provenance-refusals").then()
                .body("eventId", hasItem(forged.id())));
        assertThat(outboxTypes(Topics.nodeInbox("ZJ"), fresh)).isEmpty();
    }

    @Test
    void aRequestArrivingAfterItsRedemptionEndedIsNotRoutedAndDoesNotHoldTheInvoice() throws Exception {
        String p = recognisedConsultancy();
        String hash = hex(UUID.randomUUID());
        String ended = UUID.randomUUID().toString();
        String enterprise = uscc("330106");
        // ZJ released the redemption (e.g. no answer while the hub was down) before the hub read its request
        send(Topics.USAGE, "ZJ", EventTypes.REDEMPTION_TRANSITION, ended, new Payloads.RedemptionUsage("ZJ", ended,
                UUID.randomUUID().toString(), enterprise, p, "SH", "SCI_TECH_CONSULTING", "EXPIRED", 500, 2026, hash,
                Instant.now().minusSeconds(600), Instant.now()));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM invoice_seen WHERE invoice_hash = ?1").setParameter(1, hash).getResultList().isEmpty()));
        String again = UUID.randomUUID().toString();
        for (String r : List.of(ended, again)) {
            send(Topics.HUB_REQUESTS, "ZJ", EventTypes.REDEMPTION_REQUESTED, r, new Payloads.CrossRegionRequest(r,
                    "ZJ", "SH", p, enterprise, "企业", "SCI_TECH_CONSULTING", "HT", hash, 1000, 500,
                    java.time.LocalDate.now(), Instant.now()));
        }
        // the same invoice filed anew is routed: the ended request neither reached SH nor kept the invoice live
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outboxTypes(Topics.nodeInbox("SH"), again))
                .containsExactly(EventTypes.REDEMPTION_CONFIRMATION_REQUESTED));
        assertThat(outboxTypes(Topics.nodeInbox("SH"), ended)).isEmpty();
        assertThat(outboxTypes(Topics.nodeInbox("ZJ"), again)).isEmpty();
    }

    @Test
    void aRequestForACategoryTheProviderIsNotRecognisedForIsRefusedAndDoesNotHoldTheInvoice() throws Exception {
        String p = recognisedConsultancy();
        String hash = hex(UUID.randomUUID());
        String testing = UUID.randomUUID().toString();
        String consulting = UUID.randomUUID().toString();
        for (String[] r : new String[][] {{testing, "TESTING_INSPECTION_CERTIFICATION"}, {consulting, "SCI_TECH_CONSULTING"}}) {
            send(Topics.HUB_REQUESTS, "ZJ", EventTypes.REDEMPTION_REQUESTED, r[0], new Payloads.CrossRegionRequest(r[0],
                    "ZJ", "SH", p, uscc("330106"), "企业", r[1], "HT", hash, 1000, 500, java.time.LocalDate.now(),
                    Instant.now()));
        }
        // the consultancy is recognised for consulting only (P14); the refused request left the invoice free
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(outboxTypes(Topics.nodeInbox("ZJ"), testing)).containsExactly(EventTypes.REDEMPTION_REFUSED_BY_HUB);
            assertThat(outboxTypes(Topics.nodeInbox("SH"), consulting))
                    .containsExactly(EventTypes.REDEMPTION_CONFIRMATION_REQUESTED);
        });
        assertThat(outboxTypes(Topics.nodeInbox("SH"), testing)).isEmpty();
        String refusal = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT payload FROM outbox WHERE topic = ?1 AND event_key = ?2").setParameter(1, Topics.nodeInbox("ZJ"))
                .setParameter(2, testing).getSingleResult());
        assertThat(EventCodec.data(EventCodec.read(refusal), Payloads.HubRefusal.class).code())
                .isEqualTo("provider-not-recognised");
    }

    /** An SH consultancy the hub has recognised. */
    String recognisedConsultancy() throws Exception {
        String p = uscc("310104");
        admit("SH", p, "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
        return p;
    }

    private void paidAndRated(String issuing, String provider, String redemption, int score) {
        Instant at = Instant.now();
        send(Topics.USAGE, issuing, EventTypes.REDEMPTION_TRANSITION, redemption, new Payloads.RedemptionUsage(issuing,
                redemption, UUID.randomUUID().toString(), uscc(issuing.equals("ZJ") ? "330106" : "320505"), provider,
                "SH", "SCI_TECH_CONSULTING", "PAID", 100_000, 2027, hex(redemption), at.minusSeconds(3600), at));
        send(Topics.USAGE, issuing, EventTypes.RATING_GIVEN, redemption,
                new Payloads.RatingGiven(issuing, redemption, provider, "SH", score, at));
    }

    @SuppressWarnings("unchecked")
    private List<Boolean> registryQuality(String provider) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) em.createNativeQuery(
                        "SELECT payload FROM outbox WHERE topic = ?1 AND event_key = ?2 ORDER BY id")
                .setParameter(1, Topics.PROVIDER_REGISTRY).setParameter(2, provider).getResultList())
                .stream().map(json -> EventCodec.read(json).data().path("quality").asBoolean()).toList());
    }

    @Test
    void aProvidersOwnTextInTheReportCsvIsNeverAFormula() {
        String p = uscc("310104");
        send(Topics.PROVIDER_ADMISSIONS, "SH", EventTypes.PROVIDER_ADMISSION_CHANGED, p, new Payloads.ProviderAdmission("SH",
                p, "=HYPERLINK(\"http://evil\",\"报告\")", "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of(), "t"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
        paidAndRated("ZJ", p, UUID.randomUUID().toString(), 5);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/provider-reports.csv?year=2027&province=SH")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                        p + ",\"'=HYPERLINK(\"\"http://evil\"\",\"\"报告\"\")\",SH,2027,1,")));
    }

    @Test
    void aProviderMeetingThePublishedCriteriaEntersTheQualityLibraryAndLeavesWhenItNoLongerDoes() throws Exception {
        String p = recognisedConsultancy();
        given().get("/api/v1/public/quality-library").then().statusCode(200)
                .body("criteria.minServices", equalTo(3)).body("criteria.minRatings", equalTo(2))
                .body("criteria.crossRegionRequired", equalTo(true)).body("members.uscc", not(hasItem(p)));
        String[] r = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        paidAndRated("ZJ", p, r[0], 5);
        paidAndRated("JS", p, r[1], 4);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers?name=" + p.substring(9))
                .then().body("find { it.uscc == '" + p + "' }.servicesRendered", equalTo(2)));
        given().get("/api/v1/public/quality-library").then().body("members.uscc", not(hasItem(p))); // 2 of 3 services
        paidAndRated("ZJ", p, r[2], 5);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/quality-library").then()
                .body("members.uscc", hasItem(p))
                .body("members.find { it.uscc == '" + p + "' }.standing.averageRating", equalTo(4.67f)));
        given().get("/api/v1/public/providers").then().body("find { it.uscc == '" + p + "' }.quality", equalTo(true))
                .body("find { it.uscc == '" + p + "' }.otherProvincesServed", equalTo(2));
        assertThat(registryQuality(p)).last().isEqualTo(true); // every node learns of the entry

        // P11: the provider's report for the year its services were paid in
        given().get("/api/v1/public/provider-reports/{uscc}?year=2027", p).then().statusCode(200)
                .body("services", equalTo(3)).body("enterprisesServed", equalTo(3)).body("amountFen", equalTo(300_000))
                .body("crossRegionServices", equalTo(3)).body("ratings", equalTo(3))
                .body("categories[0].category", equalTo("SCI_TECH_CONSULTING"));
        given().get("/api/v1/taskgroup/provider-reports.csv?year=2027&province=SH").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(p + ",机构"));

        // a sanction (P13) ends membership at once
        send(Topics.CREDIT_REPORTS, "SH", EventTypes.CREDIT_REPORTED, p, new Payloads.CreditReport("SH",
                UUID.randomUUID().toString(), p, "PROVIDER", "机构", "虚假服务", java.time.LocalDate.now(), null, false));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/quality-library").then()
                .body("members.uscc", not(hasItem(p))));
        assertThat(registryQuality(p)).last().isEqualTo(false);
    }

    @Test
    void theTaskGroupSeesVouchersAndPaymentsPerCity() {
        Instant at = Instant.now();
        for (String district : List.of("340104", "340111", "340202")) { // two in Hefei, one in Wuhu
            String v = UUID.randomUUID().toString();
            send(Topics.USAGE, "AH", EventTypes.VOUCHER_ISSUED, v, new Payloads.VoucherUsage("AH", v, uscc(district),
                    200_000, 2029, at, district));
        }
        String r = UUID.randomUUID().toString();
        send(Topics.USAGE, "AH", EventTypes.REDEMPTION_TRANSITION, r, new Payloads.RedemptionUsage("AH", r,
                UUID.randomUUID().toString(), uscc("340104"), uscc("340104"), "AH", "SCI_TECH_CONSULTING", "PAID",
                50_000, 2029, hex(r), at.minusSeconds(60), at, null, null, "340104"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/cities?year=2029").then()
                .statusCode(200)
                .body("find { it.city == '3401' }.vouchers", equalTo(2))
                .body("find { it.city == '3401' }.issuedFen", equalTo(400_000))
                .body("find { it.city == '3401' }.redeemedFen", equalTo(50_000))
                .body("find { it.city == '3402' }.issuedFen", equalTo(200_000))
                .body("find { it.city == '3402' }.province", equalTo("AH")));
    }

    /** A filing as a node reports it, with its contract's keyed hash and expenditure (P13). */
    private CloudEvent filed(String province, String redemption, String provider, String contractHash, String invoiceHash,
                             long actualFen) {
        var usage = new Payloads.RedemptionUsage(province, redemption, UUID.randomUUID().toString(), uscc("310115"),
                provider, "SH", "TESTING_INSPECTION_CERTIFICATION", "FILED", actualFen / 2, 2026, invoiceHash,
                Instant.now(), Instant.now(), contractHash, actualFen);
        return send(Topics.USAGE, province, EventTypes.REDEMPTION_TRANSITION, redemption, usage);
    }

    @Test
    void theSameContractAndAmountUnderAnotherInvoiceInAnotherProvinceIsFlaggedToTheLaterNode() {
        String provider = uscc("310104");
        String contract = hex(UUID.randomUUID());
        String sh = UUID.randomUUID().toString();
        String zj = UUID.randomUUID().toString();
        String otherAmount = UUID.randomUUID().toString();
        String sameInvoice = UUID.randomUUID().toString();
        String invoice = hex(UUID.randomUUID());
        filed("SH", sh, provider, contract, invoice, 2_000_000);
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM contract_claim WHERE redemption_id = ?1", null,
                UUID.fromString(sh)) == 1);
        filed("ZJ", otherAmount, provider, contract, hex(UUID.randomUUID()), 1_999_999); // another amount: no flag
        filed("AH", sameInvoice, provider, contract, invoice, 2_000_000); // the same invoice: the invoice rule's business
        // events of different redemptions may be taken in any order: these two first, then the duplicate
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM contract_claim WHERE redemption_id IN (?1, ?2)",
                null, UUID.fromString(otherAmount), UUID.fromString(sameInvoice)) == 2);
        filed("ZJ", zj, provider, contract, hex(UUID.randomUUID()), 2_000_000);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(outboxTypes(Topics.nodeInbox("ZJ"), zj)).containsExactly(EventTypes.RISK_FLAGGED_BY_HUB));
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT payload FROM outbox WHERE event_key = ?1").setParameter(1, zj).getSingleResult());
        var raised = EventCodec.data(EventCodec.read(payload), Payloads.RiskFlagRaised.class);
        assertThat(raised.rule()).isEqualTo("CONTRACT_DUPLICATE");
        assertThat(raised.evidence()).containsEntry("otherProvince", "SH").containsEntry("otherRedemptionId", sh);
        assertThat(outboxTypes(Topics.nodeInbox("ZJ"), otherAmount)).isEmpty();
        assertThat(outboxTypes(Topics.nodeInbox("AH"), sameInvoice)).isEmpty();
    }

    @Test
    void aFilingReplayedAfterTheInboxForgotItNeitherTakesItsInvoiceAgainNorFlagsItsContractAgain() {
        String provider = uscc("310104");
        String contract = hex(UUID.randomUUID());
        String invoice = hex(UUID.randomUUID());
        String local = UUID.randomUUID().toString();
        String zj = UUID.randomUUID().toString();
        CloudEvent localFiled = filed("SH", local, provider, contract, invoice, 3_000_000); // SH enterprise, SH lab
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM invoice_seen WHERE redemption_id = ?1 AND live",
                null, UUID.fromString(local)) == 1);
        filed("ZJ", zj, provider, contract, hex(UUID.randomUUID()), 3_000_000);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(outboxTypes(Topics.nodeInbox("ZJ"), zj)).containsExactly(EventTypes.RISK_FLAGGED_BY_HUB));
        // Shanghai rejects its filing: the invoice and the contract are free again
        send(Topics.USAGE, "SH", EventTypes.REDEMPTION_TRANSITION, local, new Payloads.RedemptionUsage("SH", local,
                UUID.randomUUID().toString(), uscc("310115"), provider, "SH", "TESTING_INSPECTION_CERTIFICATION",
                "REJECTED", 1_500_000, 2026, invoice, Instant.now(), Instant.now().plusSeconds(1)));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM invoice_seen WHERE redemption_id = ?1 AND NOT live",
                null, UUID.fromString(local)) == 1);
        // the inbox forgets (retention) and the captured FILED comes back
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM inbox WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(localFiled.id())).executeUpdate());
        producer.send(Topics.USAGE, local, localFiled);
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?1", null,
                UUID.fromString(localFiled.id())) == 1);
        assertThat(count("SELECT count(*) FROM invoice_seen WHERE redemption_id = ?1 AND live", null,
                UUID.fromString(local))).isZero();
        assertThat(count("SELECT count(*) FROM contract_claim WHERE redemption_id = ?1 AND live", null,
                UUID.fromString(local))).isZero();
        assertThat(outboxTypes(Topics.nodeInbox("SH"), local)).isEmpty();
        assertThat(count("SELECT count(*) FROM redemption_state WHERE redemption_id = ?1 AND status = 'REJECTED'", null,
                UUID.fromString(local))).isEqualTo(1);
    }

    @Test
    void theTaskGroupSeesEachRulesFlagsRaisedConfirmedAndCleared() {
        String province = "JS"; // no other test here reports JS's flags
        java.util.function.BiConsumer<String, String> flag = (id, status) -> send(Topics.USAGE, province,
                EventTypes.RISK_FLAG, id, new Payloads.RiskFlagUsage(province, id, UUID.randomUUID().toString(),
                        "SPLIT_PURCHASE", "NODE", status, Instant.now()));
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        flag.accept(a, "OPEN");
        flag.accept(b, "OPEN");
        flag.accept(a, "CONFIRMED");
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/risk-rules?province=JS").then()
                .statusCode(200).body("rule", hasItem("CONCENTRATION"))
                .body("find { it.rule == 'SPLIT_PURCHASE' }.raised", equalTo(2))
                .body("find { it.rule == 'SPLIT_PURCHASE' }.open", equalTo(1))
                .body("find { it.rule == 'SPLIT_PURCHASE' }.confirmed", equalTo(1))
                .body("find { it.rule == 'SPLIT_PURCHASE' }.cleared", equalTo(0)));
    }

    @Test
    void aProvincesYrdWideNoticeIsListedAtTheHubUntilWithdrawn() {
        String id = UUID.randomUUID().toString();
        String title = "浙江典型案例 " + id;
        Instant at = Instant.now();
        send(Topics.USAGE, "ZJ", EventTypes.NOTICE_PUBLISHED, id, new Payloads.NoticePublished("ZJ", id, "CASE", title,
                "一家杭州企业在上海完成检测。", "TESTING_INSPECTION_CERTIFICATION", 1_200_000L, 600_000L, at, null));
        // another province may not publish in ZJ's name
        send(Topics.USAGE, "SH", EventTypes.NOTICE_PUBLISHED, "forged-" + id, new Payloads.NoticePublished("ZJ",
                UUID.randomUUID().toString(), "CASE", "forged " + title, "x", null, null, null, at, null));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/notices?province=ZJ&kind=CASE").then()
                .statusCode(200).body("title", hasItem(title)));
        given().get("/api/v1/public/notices?province=ZJ").then().body("title", not(hasItem("forged " + title)));
        given().get("/api/v1/public/notices/feed.atom").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("[ZJ] " + title));
        send(Topics.USAGE, "ZJ", EventTypes.NOTICE_PUBLISHED, id, new Payloads.NoticePublished("ZJ", id, "CASE", title,
                "一家杭州企业在上海完成检测。", null, null, null, at, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/notices?province=ZJ").then()
                .body("title", not(hasItem(title))));
    }

    /** Records no node should send: each quarantined with its reason, and the channel goes on. */
    static List<String[]> poison(String topic, String key) {
        CloudEvent unknownType = TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                "yrd.voucher.teleported.v1", key, Instant.now(), java.util.Map.of("x", 1)));
        String genuine = EventCodec.write(TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                EventTypes.VOUCHER_ISSUED, key, Instant.now(), new Payloads.VoucherUsage("SH",
                        UUID.randomUUID().toString(), uscc("310115"), 1, 2026, Instant.now()))));
        return List.of(
                new String[] {"{not an event " + key, "MALFORMED"},
                new String[] {"[\"" + key + "\"]", "MALFORMED"},
                // the record that stopped the hub: an id longer than any column holds
                new String[] {genuine.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + "9".repeat(300) + key + "\""),
                        "ENVELOPE"},
                new String[] {genuine.replaceFirst("\"type\":\"", "\"type\":\"\\u0000"), "ENVELOPE"},
                new String[] {EventCodec.write(unknownType), "UNKNOWN_TYPE"},
                new String[] {genuine.replace("\"data\":{", "\"data\":{\"padding\":\"" + "x".repeat(300_000) + "\","),
                        "OVERSIZED"},
                new String[] {outOfBounds(topic, key), "PAYLOAD"});
    }

    /** An event of a type the channel takes, signed by its source, with a field out of bounds. */
    static String outOfBounds(String topic, String key) {
        String bad = "9".repeat(40);
        String[] type = {EventTypes.VOUCHER_ISSUED};
        Object data = switch (topic) {
            case Topics.PROVIDER_ADMISSIONS -> {
                type[0] = EventTypes.PROVIDER_ADMISSION_CHANGED;
                yield new Payloads.ProviderAdmission("SH", bad, "机构", "ADMITTED", Set.of(), List.of(), key);
            }
            case Topics.CREDIT_REPORTS -> {
                type[0] = EventTypes.CREDIT_REPORTED;
                yield new Payloads.CreditReport("SH", UUID.randomUUID().toString(), bad, "ENTERPRISE", "企业", key,
                        java.time.LocalDate.now(), null, false);
            }
            case Topics.HUB_REQUESTS -> {
                type[0] = EventTypes.REDEMPTION_PROVIDER_ANSWERED;
                yield new Payloads.ProviderAnswer("not-a-uuid", "ZJ", "SH", uscc("310104"), "CONFIRMED", key, Instant.now());
            }
            default -> new Payloads.VoucherUsage("SH", UUID.randomUUID().toString(), bad, 1, 2026, Instant.now(), key);
        };
        return EventCodec.write(TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"), type[0], key,
                Instant.now(), data)));
    }

    @Test
    void poisonOnEveryChannelIsQuarantinedWithItsReasonAndTheChannelGoesOn() throws Exception {
        for (String topic : List.of(Topics.USAGE, Topics.PROVIDER_ADMISSIONS, Topics.CREDIT_REPORTS, Topics.HUB_REQUESTS)) {
            String key = UUID.randomUUID().toString();
            List<String[]> bad = poison(topic, key);
            for (String[] record : bad) {
                send(topic, key, record[0]);
            }
            if (topic.equals(Topics.PROVIDER_ADMISSIONS)) {
                // a genuine event after them, on the same partition: it is applied, the channel went on
                String p = uscc("310104");
                admit("SH", p, "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of());
                await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                        .body("uscc", hasItem(p)));
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                var listed = given().get("/api/v1/taskgroup/quarantine?limit=500").then().statusCode(200).extract()
                        .jsonPath();
                for (String[] record : bad) {
                    String sha = sha256(record[0]);
                    assertThat(listed.getString("find { it.recordSha256 == '" + sha + "' }.reason"))
                            .as(topic + ": " + record[1]).isEqualTo(record[1]);
                }
            });
        }
        // the excerpt is bounded and holds no raw control character
        given().get("/api/v1/taskgroup/quarantine?limit=500").then()
                .body("excerpt.every { it.length() <= 1000 && !it.contains('\u0000') }", equalTo(true))
                .body("channel.unique().sort()", hasItem("usage-in"));
        // counted under bounded labels: our channel names and the reasons
        assertThat(meters.find("yrd_quarantined_total").tag("channel", "usage-in").tag("reason", "oversized").counter())
                .isNotNull();
        assertThat(meters.find("yrd_quarantined_total").counters()).allSatisfy(c -> assertThat(c.getId().getTag("reason"))
                .isIn(java.util.Arrays.stream(org.yrd.voucher.events.EventCheck.Reason.values())
                        .map(org.yrd.voucher.events.EventCheck.Reason::label).toList()));
    }

    @Test
    void anEventTheDatabaseRefusesIsQuarantinedAndTheRestOfItsBatchApplied() {
        String good = uscc("310104");
        String tooLong = uscc("310104");
        CloudEvent refused = TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                EventTypes.PROVIDER_ADMISSION_CHANGED, tooLong, Instant.now(), new Payloads.ProviderAdmission("SH",
                        tooLong, "名".repeat(300), "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of(), "t")));
        CloudEvent applied = TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                EventTypes.PROVIDER_ADMISSION_CHANGED, good, Instant.now(), new Payloads.ProviderAdmission("SH",
                        good, "机构", "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of(), "t")));
        consumers.admissions(List.of(EventCodec.write(refused), EventCodec.write(applied)));
        given().get("/api/v1/public/providers").then().body("uscc", hasItem(good)).body("uscc", not(hasItem(tooLong)));
        given().get("/api/v1/taskgroup/quarantine").then()
                .body("find { it.eventId == '" + refused.id() + "' }.reason", equalTo("UNAPPLICABLE"))
                .body("find { it.eventId == '" + refused.id() + "' }.detail", org.hamcrest.Matchers.containsString("too long"));
    }

    @Test
    void aSecondAnswerToARequestIsRefusedAndDoesNotFreeItsInvoice() throws Exception {
        String p = recognisedConsultancy();
        String hash = hex(UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        send(Topics.HUB_REQUESTS, "ZJ", EventTypes.REDEMPTION_REQUESTED, id, new Payloads.CrossRegionRequest(id, "ZJ",
                "SH", p, uscc("330106"), "企业", "SCI_TECH_CONSULTING", "HT", hash, 1000, 500,
                java.time.LocalDate.now(), Instant.now()));
        await().atMost(PATIENCE).until(() -> outboxTypes(Topics.nodeInbox("SH"), id).size() == 1);
        send(Topics.HUB_REQUESTS, "SH", EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                new Payloads.ProviderAnswer(id, "ZJ", "SH", p, "CONFIRMED", null, Instant.now()));
        await().atMost(PATIENCE).until(() -> outboxTypes(Topics.nodeInbox("ZJ"), id).size() == 1);
        // the lab's node (or anyone with its key) answering again, DISPUTED after CONFIRMED
        CloudEvent again = send(Topics.HUB_REQUESTS, "SH", EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                new Payloads.ProviderAnswer(id, "ZJ", "SH", p, "DISPUTED", "changed my mind", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/taskgroup/quarantine").then()
                .body("find { it.eventId == '" + again.id() + "' }.reason", equalTo("TRANSITION")));
        assertThat(outboxTypes(Topics.nodeInbox("ZJ"), id)).containsExactly(EventTypes.REDEMPTION_PROVIDER_ANSWERED);
        assertThat(count("SELECT count(*) FROM invoice_seen WHERE invoice_hash = ?1 AND live", hash)).isEqualTo(1);
    }

    @Test
    void anOldStandingReplayedAfterTheInboxForgotItChangesNothing() throws Exception {
        String p = uscc("310104");
        var admitted = new Payloads.ProviderAdmission("SH", p, "机构", "ADMITTED", Set.of("SCI_TECH_CONSULTING"),
                List.of(), "t");
        var revoked = new Payloads.ProviderAdmission("SH", p, "机构", "REVOKED", Set.of("SCI_TECH_CONSULTING"),
                List.of(), "revoked");
        CloudEvent first = TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                EventTypes.PROVIDER_ADMISSION_CHANGED, p, Instant.now(), admitted).withSequence(1));
        CloudEvent second = TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"),
                EventTypes.PROVIDER_ADMISSION_CHANGED, p, Instant.now(), revoked).withSequence(2));
        producer.send(Topics.PROVIDER_ADMISSIONS, p, first);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then().body("uscc", hasItem(p)));
        producer.send(Topics.PROVIDER_ADMISSIONS, p, second);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                .body("uscc", not(hasItem(p))));
        // the inbox forgets (retention); the captured ADMITTED comes back, then a marker on the same partition
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM inbox WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(first.id())).executeUpdate());
        producer.send(Topics.PROVIDER_ADMISSIONS, p, first);
        String marker = uscc("310104");
        admit("SH", marker, "ADMITTED", Set.of("SCI_TECH_CONSULTING"), List.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/providers").then()
                .body("uscc", hasItem(marker)));
        given().get("/api/v1/public/providers").then().body("uscc", not(hasItem(p)));
    }

    static String sha256(String record) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(record.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    List<String> outboxTypes(String topic, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) em.createNativeQuery(
                        "SELECT payload FROM outbox WHERE topic = ?1 AND event_key = ?2 ORDER BY id")
                .setParameter(1, topic).setParameter(2, key).getResultList())
                .stream().map(json -> EventCodec.read(json).type()).toList());
    }
}
