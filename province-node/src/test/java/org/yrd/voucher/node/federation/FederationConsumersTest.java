package org.yrd.voucher.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.federation.Retention;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.testkit.EventProducer;
import org.yrd.voucher.testkit.TestKeys;
import org.yrd.voucher.testkit.Tokens;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Pages;

/** The node's side of the federation, fed by hand-made hub events through the real broker. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class FederationConsumersTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    NodeConfig config;

    @Inject
    EntityManager em;

    @Inject
    Outbox outboxBean;

    @Inject
    Retention retention;

    @Inject
    Clock clock;

    EventProducer producer;

    @BeforeEach
    void producer() {
        producer = new EventProducer(bootstrap);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    CloudEvent send(String topic, String source, String type, String key, Object data) {
        return producer.publish(topic, source, type, key, data);
    }

    void redeliver(String topic, CloudEvent e) throws Exception {
        producer.send(topic, e.subject(), EventCodec.write(e));
    }

    String recognisedZjProvider() throws Exception {
        String p = Fixtures.uscc("330104");
        // a forged record from a node is ignored; only the hub speaks for the registry
        send(Topics.PROVIDER_REGISTRY, CloudEvent.nodeSource("ZJ"), EventTypes.PROVIDER_RECOGNISED, p,
                new Payloads.RecognitionRecord(p, "伪造", "ZJ", true, Set.of("SCI_TECH_CONSULTING"), List.of(), "x"));
        send(Topics.PROVIDER_REGISTRY, CloudEvent.HUB_SOURCE, EventTypes.PROVIDER_RECOGNISED, p,
                new Payloads.RecognitionRecord(p, "杭州咨询院", "ZJ", true, Set.of("SCI_TECH_CONSULTING"), List.of(), "ok"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/yrd-providers").then()
                .body("find { it.uscc == '" + p + "' }.name", equalTo("杭州咨询院")));
        return p;
    }

    @Test
    void aCrossRegionRedemptionIsRequestedThroughTheHubAndCompletesOnTheProvidersAnswer() throws Exception {
        String provider = recognisedZjProvider();
        String e = Fixtures.enterprise("310115");
        String voucher = Fixtures.voucher(e, 1_000_000);
        var filing = new java.util.HashMap<>(Fixtures.filing(voucher, provider, "X-" + e.substring(10), 400_000, 200_000));
        filing.put("category", "SCI_TECH_CONSULTING");
        String id = Fixtures.file(e, filing).then().statusCode(201).body("providerProvince", equalTo("ZJ"))
                .extract().path("id");
        assertThat(outbox(Topics.HUB_REQUESTS, id)).containsExactly(EventTypes.REDEMPTION_REQUESTED);
        // the provider confirms on its own node, not here
        given().header("Idempotency-Key", "k-" + id).post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id)
                .then().statusCode(409).body("code", equalTo("confirmed-on-providers-node"));

        CloudEvent answer = send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_PROVIDER_ANSWERED,
                id, new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "CONFIRMED", null, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id)
                .then().body("status", equalTo("APPROVED")));
        redeliver(Topics.nodeInbox("SH"), answer);
        Fixtures.operator("/redemptions/{id}/pay", Map.of("paymentReference", "B-1"), id).then().statusCode(200);
        Thread.sleep(1000);
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id).then().body("status", equalTo("PAID"));
        assertThat(Fixtures.voucherOf(e, voucher).get("redeemedFen")).isEqualTo(200_000);
    }

    /** A 4,000-yuan consulting purchase from the Zhejiang provider, filed here; returns the redemption's id. */
    static String fileWithZjProvider(String enterprise, String voucher, String provider, String invoicePrefix) {
        var filing = new java.util.HashMap<>(Fixtures.filing(voucher, provider, invoicePrefix + enterprise.substring(10),
                400_000, 200_000));
        filing.put("category", "SCI_TECH_CONSULTING");
        return Fixtures.file(enterprise, filing).then().statusCode(201).extract().path("id");
    }

    @Test
    void theHubsRefusalRejectsTheRedemptionAndReleasesItsHold() throws Exception {
        String provider = recognisedZjProvider();
        String e = Fixtures.enterprise("310115");
        String voucher = Fixtures.voucher(e, 1_000_000);
        String id = fileWithZjProvider(e, voucher, provider, "Y-");
        send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_REFUSED_BY_HUB, id,
                new Payloads.HubRefusal(id, "SH", "invoice-already-redeemed", "seen in JS"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id)
                .then().body("status", equalTo("REJECTED")));
        assertThat(Fixtures.voucherOf(e, voucher).get("heldFen")).isEqualTo(0);
    }

    /** Provenance: an event counts only when signed with the hub's key; unsigned or forged ones change nothing. */
    @Test
    void aHubEventThatIsUnsignedOrSignedByAnotherKeyIsRefused() throws Exception {
        String provider = recognisedZjProvider();
        String e = Fixtures.enterprise("310115");
        String id = fileWithZjProvider(e, Fixtures.voucher(e, 1_000_000), provider, "S-");
        var refusal = new Payloads.HubRefusal(id, "SH", "invoice-already-redeemed", "forged");
        var unsigned = EventCodec.envelope(CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_REFUSED_BY_HUB, id,
                java.time.Instant.now(), refusal);
        producer.send(Topics.nodeInbox("SH"), id, unsigned);
        // a node's key (ZJ's) signing as if it were the hub
        producer.send(Topics.nodeInbox("SH"), id, TestKeys.signedBy("ZJ", EventCodec.envelope(CloudEvent.HUB_SOURCE,
                EventTypes.REDEMPTION_REFUSED_BY_HUB, id, java.time.Instant.now(), refusal)));
        // a genuine event after them, on the same partition: once it is applied, the forged ones were consumed
        send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "CONFIRMED", null, java.time.Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id)
                .then().body("status", org.hamcrest.Matchers.not(equalTo("FILED"))));
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id).then().body("status", equalTo("APPROVED"));
        given().header("Authorization", Tokens.bearer(Tokens.Identity.operator("SH", "operator-1"))).get("/q/metrics")
                .then().body(org.hamcrest.Matchers.containsString("yrd_signature_refused_total{source=\"/yrd/hub\"} 2.0"));
    }

    @Test
    void aRequestForAnInvoiceBeingRedeemedHereIsDisputedAtOnceAndOthersWaitForTheProvider() throws Exception {
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String e = Fixtures.enterprise("310115");
        String invoice = "L-" + e.substring(10);
        Fixtures.file(e, Fixtures.filing(Fixtures.voucher(e, 1_000_000), provider, invoice, 400_000, 200_000)).then()
                .statusCode(201);
        String taken = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        for (String[] r : new String[][] {{taken, InvoiceHash.of(config.federation().invoiceHashKey(), provider, invoice)},
                {free, InvoiceHash.of(config.federation().invoiceHashKey(), provider,
                        invoice + "-2")}}) {
            send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_CONFIRMATION_REQUESTED, r[0],
                    new Payloads.CrossRegionRequest(r[0], "ZJ", "SH", provider, Fixtures.uscc("330106"), "杭州企业",
                            "TESTING_INSPECTION_CERTIFICATION", "HT-1", r[1], 300_000, 150_000,
                            java.time.LocalDate.now(), Instant.now()));
        }
        // the same invoice is already being redeemed here: answered without the provider
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/providers/{p}/incoming-redemptions", provider)
                .then().body("find { it.id == '" + taken + "' }.status", equalTo("DISPUTED"))
                .body("find { it.id == '" + free + "' }.status", equalTo("REQUESTED")));
        assertThat(outbox(Topics.HUB_REQUESTS, taken)).containsExactly(EventTypes.REDEMPTION_PROVIDER_ANSWERED);
        assertThat(outbox(Topics.HUB_REQUESTS, free)).isEmpty();
        // the provider's to-do list is the requests still waiting for its answer
        given().get("/api/v1/providers/{p}/incoming-redemptions?status=REQUESTED", provider).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(free));
        given().get("/api/v1/providers/{p}/incoming-redemptions?status=DISPUTED&limit=1", provider).then()
                .body("id", org.hamcrest.Matchers.contains(taken));
        Pages.refusesBadPaging("/api/v1/providers/" + provider + "/incoming-redemptions");
        given().get("/api/v1/providers/{p}/incoming-redemptions?status=waiting", provider).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void anEntryOnTheYrdListBlocksThePartyHereAndItsRemovalUnblocksIt() throws Exception {
        String e = Fixtures.enterprise("310115");
        send(Topics.CREDIT, CloudEvent.HUB_SOURCE, EventTypes.CREDIT_STATUS, e, new Payloads.CreditStatus(e, "ENTERPRISE",
                "X", List.of(new Payloads.CreditEntry("AH", "1", "fraud in Anhui", java.time.LocalDate.now(), null))));
        await().atMost(PATIENCE).until(() -> yrdListed(e));
        Fixtures.apply(e, 100_000).then().statusCode(422).body("rule", equalTo("P13"));
        // and shown here, with the province that listed it (P13 disclosure)
        given().get("/api/v1/public/yrd-negative-list").then().statusCode(200)
                .body("find { it.partyUscc == '" + e + "' }.province", equalTo("AH"))
                .body("find { it.partyUscc == '" + e + "' }.reason", equalTo("fraud in Anhui"));
        send(Topics.CREDIT, CloudEvent.HUB_SOURCE, EventTypes.CREDIT_STATUS, e,
                new Payloads.CreditStatus(e, "ENTERPRISE", "X", List.of()));
        await().atMost(PATIENCE).until(() -> !yrdListed(e));
        Fixtures.apply(e, 100_000).then().statusCode(201);
        given().get("/api/v1/public/yrd-negative-list").then().body("partyUscc", not(hasItem(e)));
    }

    boolean yrdListed(String uscc) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM yrd_credit WHERE party_uscc = ?1 AND listed").setParameter(1, uscc).getResultList().isEmpty());
    }

    @Test
    void localChangesAreAnnouncedThroughTheOutbox() {
        String p = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        assertThat(outbox(Topics.PROVIDER_ADMISSIONS, p)).containsExactly(EventTypes.PROVIDER_ADMISSION_CHANGED);
        Fixtures.operator("/negative-list", Map.of("partyUscc", p, "partyKind", "PROVIDER", "reason", "r")).then()
                .statusCode(201);
        assertThat(outbox(Topics.CREDIT_REPORTS, p)).containsExactly(EventTypes.CREDIT_REPORTED);
        // and the relay publishes them: nothing stays unsent for long
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL").getSingleResult()).longValue() == 0));
    }

    @Test
    void aTransactionsEventsAreWrittenInTheirOrderAndOnlyIfItCommits() {
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String type : List.of("yrd.test.first.v1", "yrd.test.second.v1", "yrd.test.third.v1")) {
                outboxBean.publish("yrd.test.outbox", key, type, Map.of("key", key));
                em.clear(); // as a batch consumer does every 64 events: pending events survive it
            }
        });
        assertThat(outbox("yrd.test.outbox", key))
                .containsExactly("yrd.test.first.v1", "yrd.test.second.v1", "yrd.test.third.v1");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outboxBean.publish("yrd.test.outbox", key, "yrd.test.rolled-back.v1", Map.of("key", key));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(outbox("yrd.test.outbox", key))
                .containsExactly("yrd.test.first.v1", "yrd.test.second.v1", "yrd.test.third.v1");
    }

    @Test
    void sentOutboxRowsAndInboxIdsPastRetentionArePurgedAndUnsentRowsAreKept() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID oldSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        UUID oldInbox = UUID.randomUUID();
        UUID recentInbox = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : new Object[][] {{oldSent, now.minusDays(40), now.minusDays(40)},
                    {oldUnsent, now.minusDays(40), null}, {recentSent, now.minusDays(40), now.minusDays(29)}}) {
                em.createNativeQuery("""
                                INSERT INTO outbox (topic, event_key, event_id, payload, created_at, sent_at)
                                VALUES ('yrd.test.retention', 'k', ?1, '{}', ?2, ?3)""")
                        .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, row[2]).executeUpdate();
            }
            for (Object[] row : new Object[][] {{oldInbox, now.minusDays(31)}, {recentInbox, now.minusDays(29)}}) {
                em.createNativeQuery("INSERT INTO inbox (event_id, event_type, processed_at) VALUES (?1, 'yrd.test.v1', ?2)")
                        .setParameter(1, row[0]).setParameter(2, row[1]).executeUpdate();
            }
        });

        retention.purge();

        // 30 days by default; an unsent row waits for the broker however old it is (the relay may send it now)
        assertThat(present("outbox", oldSent, oldUnsent, recentSent)).containsExactlyInAnyOrder(oldUnsent, recentSent);
        assertThat(present("inbox", oldInbox, recentInbox)).containsExactly(recentInbox);
    }

    @SuppressWarnings("unchecked")
    List<UUID> present(String table, UUID... eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<UUID>) em.createNativeQuery(
                "SELECT event_id FROM " + table + " WHERE event_id = ANY(?1)").setParameter(1, eventIds).getResultList());
    }

    @SuppressWarnings("unchecked")
    List<String> outbox(String topic, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) em.createNativeQuery(
                        "SELECT payload FROM outbox WHERE topic = ?1 AND event_key = ?2 ORDER BY id")
                .setParameter(1, topic).setParameter(2, key).getResultList())
                .stream().map(json -> EventCodec.read(json).type()).toList());
    }
}
