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

    @Test
    void aDisputeFromTheProvidersNodeReleasesTheHoldAndAnAnswerAfterTheRedemptionEndedChangesNothing()
            throws Exception {
        String provider = recognisedZjProvider();
        String e = Fixtures.enterprise("310115");
        String voucher = Fixtures.voucher(e, 1_000_000);
        String id = fileWithZjProvider(e, voucher, provider, "D-");
        assertThat(Fixtures.voucherOf(e, voucher).get("heldFen")).isEqualTo(200_000);
        send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "DISPUTED", "服务未完成", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id)
                .then().body("status", equalTo("DISPUTED")).body("reason", equalTo("服务未完成")));
        var disputed = Fixtures.voucherOf(e, voucher);
        assertThat(disputed.get("heldFen")).isEqualTo(0);
        assertThat(disputed.get("redeemedFen")).isEqualTo(0);

        // a confirmation that arrives after the dispute (a second answer, another event) is taken in and changes nothing
        CloudEvent late = send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_PROVIDER_ANSWERED,
                id, new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "CONFIRMED", null, Instant.now()));
        await().atMost(PATIENCE).until(() -> !present("inbox", UUID.fromString(late.id())).isEmpty());
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id).then().body("status", equalTo("DISPUTED"));
        assertThat(Fixtures.voucherOf(e, voucher)).containsEntry("heldFen", 0).containsEntry("redeemedFen", 0);
        assertThat(Fixtures.balance(java.time.LocalDate.now(clock).getYear()).get("reconciles")).isEqualTo(true);
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
        // the issuing node hashes the invoice's identity (DocumentNumbers.key), whatever its spelling
        for (String[] r : new String[][] {{taken, InvoiceHash.of(config.federation().invoiceHashKey(), provider,
                        org.yrd.voucher.policy.DocumentNumbers.key(invoice.toLowerCase()))},
                {free, InvoiceHash.of(config.federation().invoiceHashKey(), provider,
                        org.yrd.voucher.policy.DocumentNumbers.key(invoice + "-2"))}}) {
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
                "X", List.of(new Payloads.CreditEntry("AH", UUID.randomUUID().toString(), "fraud in Anhui", org.yrd.voucher.edge.TimeSource.today(clock), null))));
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

    @Test
    void aYrdEntryBindsAPartyHereOnlyFromItsFirstToItsLastDay() throws Exception {
        // P13: before, any entry the hub held bound the party here, even one that had not begun in its province
        var today = org.yrd.voucher.edge.TimeSource.today(clock);
        String future = Fixtures.enterprise("310115");
        String past = Fixtures.enterprise("310115");
        String current = Fixtures.enterprise("310115");
        for (Object[] e : new Object[][] {{future, today.plusDays(3), null}, {past, today.minusDays(30), today.minusDays(1)},
                {current, today.minusDays(1), today}}) {
            String party = (String) e[0];
            send(Topics.CREDIT, CloudEvent.HUB_SOURCE, EventTypes.CREDIT_STATUS, party, new Payloads.CreditStatus(party,
                    "ENTERPRISE", "X", List.of(new Payloads.CreditEntry("AH", UUID.randomUUID().toString(), "r",
                            (java.time.LocalDate) e[1], (java.time.LocalDate) e[2]))));
        }
        await().atMost(PATIENCE).until(() -> yrdListed(future) && yrdListed(past) && yrdListed(current));
        Fixtures.apply(future, 100_000).then().statusCode(201);
        Fixtures.apply(past, 100_000).then().statusCode(201);
        Fixtures.apply(current, 100_000).then().statusCode(422).body("rule", equalTo("P13"));
    }

    @Test
    void theDatabasesListedOnADayIsThePolicyLibrarysRule() {
        // party_listed (SQL, V15) against Listing.inForce (Java) for entries and days around each other
        var random = new java.util.Random(13);
        var base = java.time.LocalDate.of(2026, 6, 1);
        for (int i = 0; i < 60; i++) {
            String party = Fixtures.uscc("310115");
            var starts = base.plusDays(random.nextInt(10));
            var ends = random.nextBoolean() ? null : starts.plusDays(random.nextInt(10) - 2);
            String entries = "[{\"province\":\"AH\",\"entryId\":\"" + UUID.randomUUID() + "\",\"reason\":\"r\","
                    + "\"startsOn\":\"" + starts + "\",\"endsOn\":" + (ends == null ? "null" : "\"" + ends + "\"") + "}]";
            var day = base.plusDays(random.nextInt(14) - 2);
            boolean sql = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("""
                                INSERT INTO yrd_credit (party_uscc, party_kind, party_name, listed, entries, updated_at)
                                VALUES (?1, 'ENTERPRISE', 'X', true, ?2, now())""")
                        .setParameter(1, party).setParameter(2, entries).executeUpdate();
                return (Boolean) em.createNativeQuery("SELECT party_listed(?1, ?2)").setParameter(1, party)
                        .setParameter(2, day).getSingleResult();
            });
            assertThat(sql).as("%s..%s on %s", starts, ends, day)
                    .isEqualTo(org.yrd.voucher.policy.Listing.inForce(starts, ends, false, day));
        }
    }

    /** A hub event numbered {@code sequence} of its key, signed with the hub's key. */
    static CloudEvent numbered(String type, String key, Object data, long sequence) {
        return TestKeys.signedBy("hub", EventCodec.envelope(CloudEvent.HUB_SOURCE, type, key, Instant.now(), data)
                .withSequence(sequence));
    }

    void forget(CloudEvent e) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM inbox WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(e.id())).executeUpdate());
    }

    @Test
    void anOldStandingReplayedAfterTheInboxForgotItChangesNothing() throws Exception {
        // P13: a party the YRD list took in is not let out by a captured "not listed" from before
        String e = Fixtures.enterprise("310115");
        CloudEvent clear = numbered(EventTypes.CREDIT_STATUS, e, new Payloads.CreditStatus(e, "ENTERPRISE", "X",
                List.of()), 1);
        CloudEvent listed = numbered(EventTypes.CREDIT_STATUS, e, new Payloads.CreditStatus(e, "ENTERPRISE", "X",
                List.of(new Payloads.CreditEntry("AH", UUID.randomUUID().toString(), "fraud", org.yrd.voucher.edge.TimeSource.today(clock),
                        null))), 2);
        producer.send(Topics.CREDIT, e, clear);
        producer.send(Topics.CREDIT, e, listed);
        await().atMost(PATIENCE).until(() -> yrdListed(e));
        // P14: a provider the hub withdrew is not recognised again by a captured "recognised"
        String p = Fixtures.uscc("330104");
        var record = new Payloads.RecognitionRecord(p, "杭州检测", "ZJ", true, Set.of("SCI_TECH_CONSULTING"), List.of(), "ok");
        CloudEvent recognised = numbered(EventTypes.PROVIDER_RECOGNISED, p, record, 7);
        CloudEvent withdrawn = numbered(EventTypes.PROVIDER_WITHDRAWN, p, new Payloads.RecognitionRecord(p, "杭州检测", "ZJ",
                false, Set.of("SCI_TECH_CONSULTING"), List.of(), "revoked at home"), 8);
        producer.send(Topics.PROVIDER_REGISTRY, p, recognised);
        producer.send(Topics.PROVIDER_REGISTRY, p, withdrawn);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/yrd-providers").then()
                .body("uscc", not(hasItem(p))));

        // the inbox forgets them (retention); the old copies come back, then a marker after each on its topic
        forget(clear);
        forget(recognised);
        producer.send(Topics.CREDIT, e, clear);
        producer.send(Topics.PROVIDER_REGISTRY, p, recognised);
        String marker = Fixtures.uscc("330104");
        send(Topics.PROVIDER_REGISTRY, CloudEvent.HUB_SOURCE, EventTypes.PROVIDER_RECOGNISED, marker,
                new Payloads.RecognitionRecord(marker, "标记", "ZJ", true, Set.of("SCI_TECH_CONSULTING"), List.of(), "ok"));
        String other = Fixtures.enterprise("310115");
        producer.send(Topics.CREDIT, other, numbered(EventTypes.CREDIT_STATUS, other, new Payloads.CreditStatus(other,
                "ENTERPRISE", "Y", List.of(new Payloads.CreditEntry("AH", UUID.randomUUID().toString(), "x",
                        org.yrd.voucher.edge.TimeSource.today(clock), null))), 1));
        await().atMost(PATIENCE).until(() -> yrdListed(other));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/public/yrd-providers").then()
                .body("uscc", hasItem(marker)));
        assertThat(yrdListed(e)).isTrue();
        given().get("/api/v1/public/yrd-providers").then().body("uscc", not(hasItem(p)));
        given().header("Authorization", Tokens.bearer(Tokens.Identity.operator("SH", "operator-1"))).get("/q/metrics")
                .then().body(org.hamcrest.Matchers.containsString("yrd_stale_events_total{channel=\"credit-in\"}"));
    }

    @Test
    void poisonFromTheHubsTopicsIsQuarantinedForTheOperatorAndTheChannelsGoOn() throws Exception {
        String provider = recognisedZjProvider();
        String e = Fixtures.enterprise("310115");
        String id = fileWithZjProvider(e, Fixtures.voucher(e, 1_000_000), provider, "Q-");
        String notOurs = UUID.randomUUID().toString();
        CloudEvent strayAnswer = numbered(EventTypes.REDEMPTION_PROVIDER_ANSWERED, notOurs, new Payloads.ProviderAnswer(
                notOurs, "SH", "ZJ", provider, "CONFIRMED", null, Instant.now()), 1);
        String[][] poison = {
                {Topics.nodeInbox("SH"), "{\"id\":\"" + "x".repeat(5000) + "\"}", "MALFORMED"},
                {Topics.nodeInbox("SH"), EventCodec.write(strayAnswer), "TRANSITION"},
                {Topics.nodeInbox("SH"), EventCodec.write(numbered(EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                        new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "MAYBE", null, Instant.now()), 1)), "PAYLOAD"},
                {Topics.PROVIDER_REGISTRY, "\u0000", "MALFORMED"},
                {Topics.PROVIDER_REGISTRY, EventCodec.write(numbered("yrd.provider.teleported.v1", provider,
                        java.util.Map.of("x", 1), 1)), "UNKNOWN_TYPE"},
                {Topics.CREDIT, EventCodec.write(numbered(EventTypes.CREDIT_STATUS, e, new Payloads.CreditStatus(e,
                        "ENTERPRISE", "名".repeat(30_000), List.of()), 1)), "PAYLOAD"}};
        for (String[] record : poison) {
            producer.send(record[0], id, record[1]);
        }
        // a genuine answer after them on the inbox: the channel went on
        send(Topics.nodeInbox("SH"), CloudEvent.HUB_SOURCE, EventTypes.REDEMPTION_PROVIDER_ANSWERED, id,
                new Payloads.ProviderAnswer(id, "SH", "ZJ", provider, "CONFIRMED", null, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, id)
                .then().body("status", equalTo("APPROVED")));
        String operator = Tokens.bearer(Tokens.Identity.operator("SH", "operator-1"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var listed = given().header("Authorization", operator).get("/api/v1/operator/quarantine?limit=500").then()
                    .statusCode(200).extract().jsonPath();
            for (String[] record : poison) {
                assertThat(listed.getString("find { it.recordSha256 == '" + sha256(record[1]) + "' }.reason"))
                        .as(record[0] + " " + record[2]).isEqualTo(record[2]);
            }
        });
        given().header("Authorization", Tokens.bearer(Tokens.Identity.enterprise("SH", e)))
                .get("/api/v1/operator/quarantine").then().statusCode(403);
    }

    static String sha256(String record) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(record.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
