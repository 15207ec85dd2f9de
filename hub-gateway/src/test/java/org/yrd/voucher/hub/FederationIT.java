package org.yrd.voucher.hub;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.policy.Uscc;
import org.yrd.voucher.testkit.AppProcess;
import org.yrd.voucher.testkit.KafkaBroker;
import org.yrd.voucher.testkit.Keycloak;
import org.yrd.voucher.testkit.Mailbox;
import org.yrd.voucher.testkit.TestIdentities;
import org.yrd.voucher.testkit.Tokens;
import org.yrd.voucher.testkit.Postgres;

/**
 * The federation end to end: the hub and two province nodes (Shanghai, post-subsidy; Zhejiang,
 * pre-subsidy) run as the packaged apps in their own processes, on a real Kafka broker and real PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {
    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 10_000_000L);
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The federation's signing keys, made for this run: each app signs with its own, trusts the others'. */
    static final Path KEYS = Path.of("target/federation-it/keys");
    static final String INVOICE_KEY = "it-" + UUID.randomUUID();

    static String bootstrap;
    static Keycloak keycloak;
    static Mailbox mail;
    static AppProcess hub;
    static AppProcess sh;
    static AppProcess zj;

    static String shProvider;
    static String zjEnterprise;
    static String paidInvoice;

    @BeforeAll
    static void startFederation() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path logs = Files.createDirectories(Path.of("target/federation-it"));
        for (String db : List.of("hub", "node_sh", "node_zj")) {
            Files.deleteIfExists(logs.resolve(db + ".log"));
        }
        Files.deleteIfExists(logs.resolve("keycloak.log"));
        EventSignatures.generate(KEYS, "hub", "SH", "ZJ");
        mail = new Mailbox();
        keycloak = new Keycloak(KafkaBroker.freePort(), logs.resolve("keycloak.log")).start();
        bootstrap = KafkaBroker.bootstrapServers();
        hub = app("hub-gateway", "hub", Map.of("quarkus.oidc.auth-server-url", keycloak.issuer("yrd-hub")), logs).start();
        keycloak.awaitReady();
        for (String realm : List.of("yrd-sh", "yrd-zj")) {
            keycloak.mailThrough(realm, mail.smtpPort()); // Keycloak's own mails (a forgotten password)
        }
        sh = app("province-node", "node_sh", Map.of("node.province", "SH", "node.hub-url", hub.url(),
                "quarkus.oidc.auth-server-url", keycloak.issuer("yrd-sh"), "yrd.console.government-identity", "gov",
                "node.identity-admin.client-secret", "yrd-node-admin-demo-secret"), logs).start();
        zj = app("province-node", "node_zj", Map.of("node.province", "ZJ", "node.hub-url", hub.url(),
                "quarkus.oidc.auth-server-url", keycloak.issuer("yrd-zj"), "yrd.console.government-identity", "gov",
                "node.identity-admin.client-secret", "yrd-node-admin-demo-secret"), logs).start();
        RestAssured.filters(FederationIT::signIn);
    }

    /**
     * Every request without a token is sent with a real Keycloak token of the user its path belongs to (the
     * province's operator, finance officer, or the enterprise or provider it names; the task group at the hub),
     * as deploy/token.sh gets one. Parties this test registers become users of their province's realm first.
     */
    static Response signIn(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            String realm = realmOf(URI.create(request.getURI()).getPort());
            Tokens.Identity who = TestIdentities.identityFor(realm, URI.create(request.getURI()).getRawPath(), request.getBody());
            if (who != null) {
                String keycloakRealm = "yrd-" + realm.toLowerCase(java.util.Locale.ROOT);
                if (who.claims().containsKey("uscc")) {
                    keycloak.ensureUser(keycloakRealm, who.subject(), who.role(), who.claims());
                }
                request.header("Authorization", "Bearer " + keycloak.token(keycloakRealm, who.subject()));
            }
        }
        return ctx.next(request, response);
    }

    static String realmOf(int port) {
        return port == URI.create(sh.url()).getPort() ? "SH" : port == URI.create(zj.url()).getPort() ? "ZJ" : "HUB";
    }

    static AppProcess app(String module, String db, Map<String, String> extra, Path logs) {
        Map<String, String> p = new HashMap<>(extra);
        p.put("quarkus.datasource.jdbc.url", Postgres.database(db));
        p.put("kafka.bootstrap.servers", bootstrap);
        p.put("node.federation.invoice-hash-key", INVOICE_KEY); // the production profile refuses the shipped one
        p.put("yrd.federation.signing.key-file", KEYS.resolve((db.equals("hub") ? "hub" : db.substring(5).toUpperCase())
                + ".key.pem").toAbsolutePath().toString());
        p.put("yrd.federation.signing.trust-dir", KEYS.toAbsolutePath().toString());
        p.put("node.jobs.every", "1s");
        if (mail != null && !db.equals("hub")) { // the nodes mail their notifications through the test's mail server
            p.put("node.notifications.email", "true");
            p.put("quarkus.mailer.host", "127.0.0.1");
            p.put("quarkus.mailer.port", String.valueOf(mail.smtpPort()));
        }
        p.put("quarkus.log.level", "WARN");
        Path jar = Path.of(module.equals("hub-gateway") ? "target" : "../" + module + "/target", "quarkus-app/quarkus-run.jar");
        return new AppProcess(jar.toAbsolutePath(), KafkaBroker.freePort(), p, logs.resolve(db + ".log"));
    }

    @AfterAll
    static void stopFederation() {
        for (AppProcess a : new AppProcess[] {zj, sh, hub}) {
            if (a != null) {
                a.stop();
            }
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    static String uscc(String district) {
        String first17 = "91" + district + String.format("F%08d", SEQ.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    static Response post(AppProcess app, String path, Object body, Object... params) {
        return given().baseUri(app.url()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path, params);
    }

    static String enterprise(AppProcess node, String district) {
        String e = uscc(district);
        post(node, "/api/v1/enterprises", Map.of("uscc", e, "name", "企业" + e.substring(9), "recipientType", "TECH_SME",
                "smeRegistrationNo", "R" + e.substring(9, 17), "smeRegistrationYear", 2025, "districtCode", district))
                .then().statusCode(201);
        return e;
    }

    static String voucher(AppProcess node, String enterprise, long fen) {
        return post(node, "/api/v1/enterprises/{u}/applications", Map.of("amountFen", fen), enterprise)
                .then().statusCode(201).body("status", equalTo("APPROVED")).extract().path("voucherId");
    }

    static Map<String, Object> filing(String voucher, String provider, String invoice, long actual, long requested) {
        return Map.of("voucherId", voucher, "providerUscc", provider, "category", "TESTING_INSPECTION_CERTIFICATION",
                "declarations", Map.of("patentApplicationStage", false, "statutoryTesting", false, "otherPublicFunding", false),
                "contractNo", "HT-" + invoice, "invoiceNo", invoice, "actualExpenditureFen", actual,
                "requestedFen", requested, "completionDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    }

    static String status(AppProcess node, String enterprise, String redemption) {
        return given().baseUri(node.url()).get("/api/v1/enterprises/{e}/redemptions/{id}", enterprise, redemption)
                .then().statusCode(200).extract().path("status");
    }

    /** The voucher money the hub counts as held in a province's redemptions, from that province's usage stream. */
    static long hubHeldFen(String province) {
        List<Number> held = given().baseUri(hub.url()).get("/api/v1/taskgroup/provinces").then().statusCode(200)
                .extract().path("findAll { it.province == '" + province + "' }.heldFen");
        return held.isEmpty() ? 0 : held.get(0).longValue();
    }

    static String incomingId(String provider, String redemption) {
        List<String> ids = given().baseUri(sh.url()).get("/api/v1/providers/{p}/incoming-redemptions", provider)
                .then().statusCode(200).extract().path("id");
        return ids.contains(redemption) ? redemption : null;
    }

    @Test
    @Order(1)
    void anAdmissionInShanghaiIsRecognisedAndAppearsInZhejiangsCatalogue() {
        shProvider = uscc("310104");
        post(sh, "/api/v1/providers", Map.of("uscc", shProvider, "name", "上海联合检测研究院",
                "categories", List.of("TESTING_INSPECTION_CERTIFICATION"),
                "qualifications", List.of(Map.of("kind", "CMA", "number", "CMA-2026-001")))).then().statusCode(201);
        post(sh, "/api/v1/operator/providers/{p}/admit", Map.of("reason", "CMA checked"), shProvider).then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url())
                .get("/api/v1/public/providers?province=SH&category=TESTING_INSPECTION_CERTIFICATION")
                .then().body("uscc", org.hamcrest.Matchers.hasItem(shProvider)));
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(zj.url()).get("/api/v1/public/yrd-providers")
                .then().body("find { it.uscc == '" + shProvider + "' }.homeProvince", equalTo("SH")));
    }

    @Test
    @Order(2)
    void aZhejiangEnterpriseRedeemsWithTheShanghaiProviderAndZhejiangPays() {
        zjEnterprise = enterprise(zj, "330106");
        String voucher = voucher(zj, zjEnterprise, 2_000_000);
        paidInvoice = "FP-" + UUID.randomUUID().toString().substring(0, 8);
        String id = post(zj, "/api/v1/enterprises/{e}/redemptions", filing(voucher, shProvider, paidInvoice,
                3_000_000, 1_500_000), zjEnterprise).then().statusCode(201)
                .body("status", equalTo("FILED"))
                .body("providerProvince", equalTo("SH"))
                .body("payee", equalTo("PROVIDER"))            // ZJ's own mode applies: PRE_SUBSIDY
                .body("voucherAmountFen", equalTo(1_500_000)).extract().path("id");

        await().atMost(PATIENCE).until(() -> incomingId(shProvider, id) != null);
        given().baseUri(sh.url()).get("/api/v1/providers/{p}/incoming-redemptions", shProvider).then()
                .body("find { it.id == '" + id + "' }.issuingProvince", equalTo("ZJ"))
                .body("find { it.id == '" + id + "' }.invoiceHash", org.hamcrest.Matchers.not(equalTo(paidInvoice)));
        post(sh, "/api/v1/providers/{p}/incoming-redemptions/{id}/confirm", Map.of(), shProvider, id)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));

        // 15,000 yuan: within ZJ's auto-approval threshold once the provider has confirmed
        await().atMost(PATIENCE).until(() -> "APPROVED".equals(status(zj, zjEnterprise, id)));
        post(zj, "/api/v1/operator/redemptions/{id}/pay", Map.of("paymentReference", "ZJ-BANK-1"), id)
                .then().statusCode(200).body("status", equalTo("PAID"));

        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url()).get("/api/v1/taskgroup/flows")
                .then().body("find { it.issuingProvince == 'ZJ' && it.providerProvince == 'SH' }.count", equalTo(1))
                .body("find { it.issuingProvince == 'ZJ' && it.providerProvince == 'SH' }.amountFen", equalTo(1_500_000)));
    }

    @Test
    @Order(3)
    void theSameInvoiceFiledInAnotherProvinceIsRefused() {
        // at SH, the provider's own province: the invoice is known from the confirmed cross-region request
        String shEnterprise = enterprise(sh, "310115");
        String shVoucher = voucher(sh, shEnterprise, 1_000_000);
        post(sh, "/api/v1/enterprises/{e}/redemptions", filing(shVoucher, shProvider, paidInvoice, 400_000, 200_000),
                shEnterprise).then().statusCode(409).body("code", equalTo("invoice-already-redeemed"));

        // an invoice first redeemed locally in SH, then filed from ZJ: the hub refuses it across provinces
        String localInvoice = "FP-" + UUID.randomUUID().toString().substring(0, 8);
        long shHeldBefore = hubHeldFen("SH");
        post(sh, "/api/v1/enterprises/{e}/redemptions", filing(shVoucher, shProvider, localInvoice, 400_000, 200_000),
                shEnterprise).then().statusCode(201);
        String other = enterprise(zj, "330106");
        String otherVoucher = voucher(zj, other, 1_000_000);
        // SH's usage event has reached the hub: the same transaction records the invoice as live
        await().atMost(PATIENCE).until(() -> hubHeldFen("SH") == shHeldBefore + 200_000);
        String id = post(zj, "/api/v1/enterprises/{e}/redemptions", filing(otherVoucher, shProvider, localInvoice,
                400_000, 200_000), other).then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).until(() -> "REJECTED".equals(status(zj, other, id)));
        given().baseUri(zj.url()).get("/api/v1/enterprises/{e}/redemptions/{id}", other, id).then()
                .body("reasonCode", equalTo("invoice-already-redeemed"))
                .body("reason", equalTo("该发票已在长三角其他省市用于兑付。"));
        given().baseUri(zj.url()).get("/api/v1/enterprises/{e}/vouchers", other).then().body("[0].heldFen", equalTo(0));
    }

    @Test
    @Order(4)
    void aShanghaiSanctionBlocksThePartyInZhejiang() {
        String culprit = enterprise(zj, "330106");
        post(sh, "/api/v1/operator/negative-list", Map.of("partyUscc", culprit, "partyKind", "ENTERPRISE",
                "partyName", "失信企业", "reason", "forged contract in a Shanghai project")).then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() ->
                post(zj, "/api/v1/enterprises/{e}/applications", Map.of("amountFen", 100_000), culprit)
                        .then().statusCode(422).body("rule", equalTo("P13")));
    }

    @Test
    @Order(5)
    void theHubStoppedMidFlowLosesNothing() {
        String e = enterprise(zj, "330106");
        String voucher = voucher(zj, e, 1_000_000);
        hub.stop();
        // the node keeps serving its province while the hub is down; the cross-region step waits
        String id = post(zj, "/api/v1/enterprises/{e}/redemptions", filing(voucher, shProvider,
                "FP-" + UUID.randomUUID().toString().substring(0, 8), 600_000, 300_000), e).then().statusCode(201)
                .extract().path("id");
        voucher(zj, enterprise(zj, "330106"), 100_000);
        assertThat(status(zj, e, id)).isEqualTo("FILED");
        hub.start();
        await().atMost(PATIENCE).until(() -> incomingId(shProvider, id) != null);
        post(sh, "/api/v1/providers/{p}/incoming-redemptions/{id}/confirm", Map.of(), shProvider, id).then().statusCode(200);
        await().atMost(PATIENCE).until(() -> "APPROVED".equals(status(zj, e, id)));
        post(zj, "/api/v1/operator/redemptions/{id}/pay", Map.of("paymentReference", "ZJ-BANK-2"), id).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url()).get("/api/v1/taskgroup/flows")
                .then().body("find { it.issuingProvince == 'ZJ' && it.providerProvince == 'SH' }.count", equalTo(2)));
    }

    @Test
    @Order(6)
    void anEventDeliveredTwiceChangesNothing() throws Exception {
        ConsumerRecord<String, String> paid = null;
        try (var consumer = new KafkaConsumer<String, String>(consumerProps())) {
            consumer.subscribe(List.of(Topics.USAGE));
            long deadline = System.currentTimeMillis() + 20_000;
            while (paid == null && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent e = EventCodec.read(r.value());
                    if (EventTypes.REDEMPTION_TRANSITION.equals(e.type()) && "PAID".equals(e.data().path("status").asText())) {
                        paid = r;
                    }
                }
            }
        }
        assertThat(paid).as("a PAID usage event on " + Topics.USAGE).isNotNull();
        // as sent: signed with the batch the relay sent it in, verified with ZJ's key alone
        CloudEvent sent = EventCodec.read(paid.value());
        assertThat(sent.proof()).isNotNull();
        assertThat(EventSignatures.verify(sent, EventSignatures.readPublic(
                KEYS.resolve("ZJ.pub.pem")))).isTrue();
        // after the two copies, on the same key (so the same partition, consumed in order), an event the hub
        // refuses and lists: once it is listed, the copies before it have been consumed too
        Payloads.RedemptionUsage usage = EventCodec.data(EventCodec.read(paid.value()), Payloads.RedemptionUsage.class);
        CloudEvent marker = EventCodec.envelope(CloudEvent.nodeSource("SH"), EventTypes.REDEMPTION_TRANSITION,
                usage.redemptionId(), java.time.Instant.now(), usage);   // SH speaking for a ZJ redemption
        try (var producer = new KafkaProducer<String, String>(producerProps())) {
            producer.send(new ProducerRecord<>(Topics.USAGE, paid.key(), paid.value())).get();
            producer.send(new ProducerRecord<>(Topics.USAGE, paid.key(), paid.value())).get();
            producer.send(new ProducerRecord<>(Topics.USAGE, paid.key(), EventCodec.write(marker))).get();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url())
                .get("/api/v1/taskgroup/provenance-refusals").then()
                .body("eventId", org.hamcrest.Matchers.hasItem(marker.id())));
        given().baseUri(hub.url())
                .get("/api/v1/taskgroup/flows")
                .then().body("find { it.issuingProvince == 'ZJ' && it.providerProvince == 'SH' }.count", equalTo(2))
                .body("find { it.issuingProvince == 'ZJ' && it.providerProvince == 'SH' }.amountFen", equalTo(1_800_000));
    }

    @Test
    @Order(7)
    void aNodeCannotSpeakForAnotherProvince() throws Exception {
        // a forged admission: SH's node claiming a ZJ provider
        var forged = EventCodec.envelope(CloudEvent.nodeSource("SH"), EventTypes.PROVIDER_ADMISSION_CHANGED, "x",
                java.time.Instant.now(), new Payloads.ProviderAdmission("ZJ", uscc("330106"), "冒名机构", "ADMITTED",
                        java.util.Set.of("SCI_TECH_CONSULTING"), List.of(), "forged"));
        try (var producer = new KafkaProducer<String, String>(producerProps())) {
            producer.send(new ProducerRecord<>(Topics.PROVIDER_ADMISSIONS, "x", EventCodec.write(forged))).get();
        }
        // … and the same claim signed with SH's own key but naming ZJ's node as its source
        var signedAsZj = EventSignatures.sign(EventCodec.envelope(CloudEvent.nodeSource("ZJ"),
                EventTypes.PROVIDER_ADMISSION_CHANGED, "y", java.time.Instant.now(), new Payloads.ProviderAdmission("ZJ",
                        uscc("330106"), "冒名机构二", "ADMITTED", java.util.Set.of("SCI_TECH_CONSULTING"), List.of(), "forged")),
                EventSignatures.readPrivate(KEYS.resolve("SH.key.pem")));
        try (var producer = new KafkaProducer<String, String>(producerProps())) {
            producer.send(new ProducerRecord<>(Topics.PROVIDER_ADMISSIONS, "y", EventCodec.write(signedAsZj))).get();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url())
                .get("/api/v1/taskgroup/provenance-refusals").then()
                .body("eventId", org.hamcrest.Matchers.hasItem(forged.id()))
                .body("find { it.eventId == '" + signedAsZj.id() + "' }.reason", equalTo("signature is not /yrd/node/ZJ's")));
        given().baseUri(hub.url()).get("/api/v1/public/providers?name=冒名").then().body("size()", equalTo(0));
    }

    @Test
    @Order(8)
    void afterQuiescenceTheHubReconcilesWithEveryNodesLedger() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> rows = given().baseUri(hub.url()).get("/api/v1/taskgroup/reconciliation")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(rows).extracting(r -> r.get("province")).contains("SH", "ZJ");
            assertThat(rows).allSatisfy(r -> assertThat(r.get("matches")).as(r.toString()).isEqualTo(true));
        });
        given().baseUri(hub.url()).get("/api/v1/taskgroup/export.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ZJ,SH," + shProvider));
    }

    /** The hub holds the ends of each node's audit chain; each node's whole chain matches them. */
    @Test
    @Order(9)
    void eachNodesAuditChainMatchesTheHeadsTheHubWitnessed() {
        for (AppProcess node : List.of(sh, zj)) {
            await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(node.url()).get("/api/v1/operator/audit/verify")
                    .then().statusCode(200).body("intact", equalTo(true)).body("witness.status", equalTo("MATCHES"))
                    .body("witness.headsChecked", org.hamcrest.Matchers.greaterThan(0)));
        }
        given().baseUri(zj.url()).get("/api/v1/operator/audit?action=redemption.paid").then()
                .body("actorName", org.hamcrest.Matchers.hasItem("finance-1"));
    }

    /** The real identity provider's path: its tokens are accepted where they belong and nowhere else. */
    @Test
    @Order(10)
    void realKeycloakTokensAreCheckedForIssuerSignatureAndExpiry() throws Exception {
        String shOperator = "Bearer " + keycloak.token("yrd-sh", "operator-1");
        String zjOperator = "Bearer " + keycloak.token("yrd-zj", "operator-1");
        given().baseUri(sh.url()).header("Authorization", shOperator).get("/api/v1/operator/redemptions")
                .then().statusCode(200);
        // another province's operator: ZJ trusts only yrd-zj
        given().baseUri(zj.url()).header("Authorization", shOperator).get("/api/v1/operator/redemptions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        // the task group's token is for the hub (its audience and issuer), not a node
        given().baseUri(zj.url()).header("Authorization", "Bearer " + keycloak.token("yrd-hub", "taskgroup-1"))
                .get("/api/v1/operator/redemptions").then().statusCode(401);
        // a tampered signature (an early character: the last may carry only padding bits) and a tampered payload
        String[] parts = zjOperator.substring(7).split("\\.");
        char c = parts[2].charAt(5);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(6);
        given().baseUri(zj.url()).header("Authorization", "Bearer " + badSignature).get("/api/v1/operator/redemptions")
                .then().statusCode(401);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"province\":\"ZJ\"", "\"province\":\"ZJ\",\"x\":1");
        String badPayload = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        given().baseUri(zj.url()).header("Authorization", "Bearer " + badPayload).get("/api/v1/operator/redemptions")
                .then().statusCode(401);
        // an expired token: valid a moment ago, refused once its lifetime has passed
        keycloak.accessTokenLifespan("yrd-zj", 3);
        try {
            String shortLived = "Bearer " + keycloak.token("yrd-zj", "finance-1");
            given().baseUri(zj.url()).header("Authorization", shortLived).get("/api/v1/operator/ledger/balance")
                    .then().statusCode(200);
            Thread.sleep(5_000);
            given().baseUri(zj.url()).header("Authorization", shortLived).get("/api/v1/operator/ledger/balance")
                    .then().statusCode(401);
        } finally {
            keycloak.accessTokenLifespan("yrd-zj", 900);
        }
    }

    /** The packaged node's production profile refuses settings that are only safe locally, naming each key. */
    @Test
    @Order(11)
    void theSameContractUnderAnotherInvoiceInAnotherProvinceIsFlaggedForTheLaterNodesOperator() {
        // P13: SH files a local redemption; ZJ files the same contract and amount under another invoice
        String contract = "HT-DUP-" + UUID.randomUUID().toString().substring(0, 8);
        String shEnterprise = enterprise(sh, "310115");
        long shHeldBefore = hubHeldFen("SH");
        Map<String, Object> first = new HashMap<>(filing(voucher(sh, shEnterprise, 1_000_000), shProvider,
                "FP-" + UUID.randomUUID().toString().substring(0, 8), 400_000, 200_000));
        first.put("contractNo", contract);
        post(sh, "/api/v1/enterprises/{e}/redemptions", first, shEnterprise).then().statusCode(201);
        await().atMost(PATIENCE).until(() -> hubHeldFen("SH") == shHeldBefore + 200_000);

        String zjEnterprise = enterprise(zj, "330106");
        Map<String, Object> second = new HashMap<>(filing(voucher(zj, zjEnterprise, 1_000_000), shProvider,
                "FP-" + UUID.randomUUID().toString().substring(0, 8), 400_000, 200_000));
        second.put("contractNo", contract);
        String id = post(zj, "/api/v1/enterprises/{e}/redemptions", second, zjEnterprise).then().statusCode(201)
                .extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(zj.url())
                .get("/api/v1/operator/redemptions/{id}/risk-flags", id).then().statusCode(200)
                .body("rule", equalTo(List.of("CONTRACT_DUPLICATE"))).body("[0].source", equalTo("HUB"))
                .body("[0].evidence.otherProvince", equalTo("SH")));
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(hub.url()).get("/api/v1/taskgroup/risk-rules?province=ZJ")
                .then().statusCode(200).body("find { it.rule == 'CONTRACT_DUPLICATE' }.open", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    @Order(12)
    void theProductionProfileRefusesUnsafeSettings() throws Exception {
        Path logs = Path.of("target/federation-it");
        Files.deleteIfExists(logs.resolve("unsafe.log"));
        Map<String, String> unsafe = new HashMap<>(app("province-node", "node_zj", Map.of("node.province", "ZJ",
                "node.demo-data", "true", "node.federation.auto-confirm", "true",
                "quarkus.oidc.auth-server-url", keycloak.issuer("yrd-zj")), logs).properties());
        unsafe.remove("node.federation.invoice-hash-key");
        AppProcess refused = new AppProcess(Path.of("../province-node/target/quarkus-app/quarkus-run.jar").toAbsolutePath(),
                KafkaBroker.freePort(), unsafe, logs.resolve("unsafe.log"));
        org.assertj.core.api.Assertions.assertThatThrownBy(refused::start).hasMessageContaining("exited");
        assertThat(Files.readString(logs.resolve("unsafe.log")))
                .contains("the production profile refuses to start")
                .contains("node.demo-data").contains("node.federation.auto-confirm")
                .contains("node.federation.invoice-hash-key");
    }

    /**
     * The consoles in Debian's Chromium (src/test/browser/consoles.mjs, playwright-core): people sign in at the real
     * Keycloak with the authorization code and PKCE, and a cross-region redemption goes through each role's console —
     * an operator approves an application, a Zhejiang company known only to the government's legal-person identity
     * platform signs in through it, registers, applies and files with the Shanghai lab
     * chosen from the YRD catalogue, the lab confirms at its own node, Zhejiang's finance officer pays, and the task
     * group's dashboard shows the flow. An enterprise cannot open an operator's page. Every page visited passes
     * axe-core (no serious or critical violation); screenshots are kept in target/browser.
     */
    @Test
    @Order(13)
    void everyRoleDoesItsPartInItsConsoleInARealBrowser() throws Exception {
        Path chromium = Path.of(System.getProperty("yrd.chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("Debian's chromium (and fonts-wqy-microhei), which .ci/run installs").exists();
        for (var app : Map.of("yrd-sh", sh, "yrd-zj", zj, "yrd-hub", hub).entrySet()) {
            keycloak.allowConsoleAt(app.getKey(), app.getValue().url());
        }
        String lab = uscc("310104");
        post(sh, "/api/v1/providers", Map.of("uscc", lab, "name", "上海浏览器测试检测中心",
                "categories", List.of("TESTING_INSPECTION_CERTIFICATION"),
                "qualifications", List.of(Map.of("kind", "CMA", "number", "CMA-UI-001")))).then().statusCode(201);
        post(sh, "/api/v1/operator/providers/{p}/admit", Map.of("reason", "CMA checked"), lab).then().statusCode(200);
        String applicant = enterprise(sh, "310115");
        post(sh, "/api/v1/enterprises/{u}/applications", Map.of("amountFen", 3_000_000), applicant)
                .then().statusCode(201).body("status", equalTo("PENDING"));      // above SH's auto-approval threshold
        String zjEnterprise = uscc("330106");           // known only to the identity platform: no account at yrd-zj yet
        keycloak.ensureCompanyAtGovernment(zjEnterprise, "enterprise");
        String zjUser = zjEnterprise.toLowerCase(java.util.Locale.ROOT);
        assertThat(keycloak.attributesOf("yrd-zj", zjUser)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(zj.url()).get("/api/v1/public/yrd-providers")
                .then().body("uscc", org.hamcrest.Matchers.hasItem(lab)));

        Path out = Path.of("target/browser").toAbsolutePath();
        Path log = Files.createDirectories(out).resolve("consoles.log");
        ProcessBuilder run = new ProcessBuilder("node", "consoles.mjs").directory(Path.of("src/test/browser").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        String registrant = "registrant-" + SEQ.incrementAndGet();     // registers at ZJ's own sign-in page
        String registrantCompany = uscc("330106");
        run.environment().putAll(Map.of("SH", sh.url(), "ZJ", zj.url(), "HUB", hub.url(), "LAB", lab,
                "SH_APPLICANT", applicant, "ZJ_ENTERPRISE", zjEnterprise, "OUT", out.toString(), "CHROMIUM", chromium.toString(),
                "ZJ_REGISTRANT", registrant, "ZJ_REGISTRANT_USCC", registrantCompany));
        Process browser = run.start();
        boolean ended = browser.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
        if (!ended) {
            browser.destroyForcibly();
        }
        String said = Files.readString(log);
        assertThat(ended && browser.exitValue() == 0).as("the browser tests (%s):%n%s", log, said).isTrue();
        assertThat(said).contains("all held");
        // its first sign-in through the platform made its account at ZJ's realm: USCC, province and role from the
        // platform (mappers), none of which the company can edit
        assertThat(keycloak.attributesOf("yrd-zj", zjUser)).containsEntry("uscc", List.of(zjEnterprise))
                .containsEntry("province", List.of("ZJ"))
                .hasEntrySatisfying("realmRoles", roles -> assertThat(roles).contains("enterprise"));
        // the registrant's account acts for the company the operator confirmed in the browser
        assertThat(keycloak.attributesOf("yrd-zj", registrant)).containsEntry("uscc", List.of(registrantCompany))
                .containsEntry("province", List.of("ZJ"))
                .hasEntrySatisfying("realmRoles", roles -> assertThat(roles).contains("enterprise"));
        // mail, read over IMAP: the company was told by mail of its redemption's steps, in Chinese (its console's
        // language), and Keycloak sent the registrant the forgotten-password mail it asked for at the sign-in page
        try {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(mail.subjects(zjUser + "@test.yrd.invalid"))
                    .anySatisfy(m -> assertThat(m).startsWith("【长三角科技创新券】").contains("已支付")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no mail for " + zjUser + "; ZJ's notification accounts and mails: " + mailState("node_zj"), e);
        }
        // the lab had never signed in when the request arrived: the node found its address at the realm
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mail.subjects(lab.toLowerCase(java.util.Locale.ROOT)
                + "@test.yrd.invalid")).anySatisfy(m -> assertThat(m).contains("请您确认服务")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mail.read(registrant + "@test.yrd.invalid"))
                .anySatisfy(m -> assertThat(m.text()).contains("action-token")));
        try (var shots = Files.list(out)) {
            assertThat(shots.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(30);
        }
    }

    /** What a node knows of its readers' mail (for a failure's message). */
    static String mailState(String db) {
        try (var c = java.sql.DriverManager.getConnection(Postgres.database(db)); var st = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            for (String q : List.of("SELECT username, uscc, roles, email, email_enabled FROM notification_account",
                    "SELECT address, status, attempts FROM notification_mail",
                    "SELECT recipient_uscc, recipient_role, kind FROM notification ORDER BY audit_seq DESC LIMIT 20")) {
                try (var rs = st.executeQuery(q)) {
                    out.append('\n').append(q).append(':');
                    while (rs.next()) {
                        out.append("\n  ");
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            out.append(rs.getString(i)).append(" | ");
                        }
                    }
                }
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    static Properties consumerProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        return p;
    }

    static Properties producerProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return p;
    }

    /**
     * A company without the government identity registers an account itself (at the realm it holds only the default
     * role {@code applicant}, no USCC, no province): it asks ZJ to bind it to its USCC and can do nothing else; a ZJ
     * operator confirms, and the node's service account gives the account the USCC, the province and the role at the
     * real realm: its next token acts for the company.
     */
    @Test
    @Order(14)
    void aSelfRegisteredAccountActsForItsCompanyOnceAnOperatorConfirmedIt() {
        String account = "self-registered-" + SEQ.incrementAndGet();
        keycloak.ensureUser("yrd-zj", account, "applicant", Map.of());
        String company = uscc("330106");
        java.util.function.Supplier<String> token = () -> "Bearer " + keycloak.token("yrd-zj", account);
        String id = given().baseUri(zj.url()).header("Authorization", token.get()).contentType(ContentType.JSON)
                .body(Map.of("uscc", company, "companyName", "浙江自助注册科技有限公司", "kind", "ENTERPRISE"))
                .post("/api/v1/account/binding").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        given().baseUri(zj.url()).header("Authorization", token.get()).get("/api/v1/enterprises/{u}", company)
                .then().statusCode(403);

        post(zj, "/api/v1/operator/account-bindings/{id}/confirm", Map.of("reason", "营业执照已核"), id)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertThat(keycloak.attributesOf("yrd-zj", account)).containsEntry("uscc", List.of(company))
                .containsEntry("province", List.of("ZJ"))
                .hasEntrySatisfying("realmRoles", roles -> assertThat(roles).contains("enterprise"));
        keycloak.forget("yrd-zj", account);
        given().baseUri(zj.url()).header("Authorization", token.get()).contentType(ContentType.JSON)
                .body(Map.of("uscc", company, "name", "浙江自助注册科技有限公司", "recipientType", "TECH_SME",
                        "smeRegistrationNo", "R" + company.substring(9, 17), "smeRegistrationYear", 2025, "districtCode", "330106"))
                .post("/api/v1/enterprises").then().statusCode(201);
    }

    /**
     * The witness never forgets: a record rewritten at a node is caught however many snapshots the hub received after
     * it. Before, a node compared only the hub's newest 1,000 heads, so an edit older than that read as MATCHES.
     * Last, because it rewrites SH's history.
     */
    @Test
    @Order(20)
    void aRecordRewrittenBeforeTheHubsNewest1000HeadsIsStillCaught() throws Exception {
        long edited;
        try (var node = java.sql.DriverManager.getConnection(Postgres.database("node_sh"));
             var witness = java.sql.DriverManager.getConnection(Postgres.database("hub"))) {
            var head = node.createStatement().executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1");
            head.next();
            long end = head.getLong(1);
            String prev = head.getString(2);
            // the oldest record the hub witnessed
            var first = witness.createStatement().executeQuery(
                    "SELECT min(seq) FROM audit_head WHERE province = 'SH' AND seq > 0");
            first.next();
            edited = first.getLong(1);
            assertThat(edited).isPositive();
            // 1,100 more records, each witnessed by the hub, as 1,100 snapshots of a busy node would have been
            try (var append = node.prepareStatement("""
                    INSERT INTO audit_record (seq, at, actor_subject, actor_role, action, target, outcome, prev_hash, hash)
                    VALUES (?, now(), 'system', 'system', 'test.filler', 'x', 'OK', ?, ?)""");
                 var keep = witness.prepareStatement(
                         "INSERT INTO audit_head (province, seq, hash) VALUES ('SH', ?, ?) ON CONFLICT DO NOTHING")) {
                for (long seq = end + 1; seq <= end + 1_100; seq++) {
                    String hash = String.format("%064x", seq);
                    append.setLong(1, seq);
                    append.setString(2, prev);
                    append.setString(3, hash);
                    append.addBatch();
                    keep.setLong(1, seq);
                    keep.setString(2, hash);
                    keep.addBatch();
                    prev = hash;
                }
                append.executeBatch();
                keep.executeBatch();
            }
            // an administrator rewrites the old record, past the trigger
            var s = node.createStatement();
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            s.executeUpdate("UPDATE audit_record SET hash = repeat('e', 64) WHERE seq = " + edited);
            s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
        }
        given().baseUri(sh.url()).get("/api/v1/operator/audit/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("witness.status", equalTo("DIFFERS"))
                .body("witness.headsChecked", org.hamcrest.Matchers.greaterThan(1_100))
                .body("witness.mismatches[0].seq", equalTo((int) edited))
                .body("witness.mismatches[0].nodeHash", equalTo("e".repeat(64)));
    }
}
