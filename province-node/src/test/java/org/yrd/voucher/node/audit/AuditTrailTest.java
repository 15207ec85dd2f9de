package org.yrd.voucher.node.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Sql;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** The audit trail: who did what to which money, append-only, and any later edit found by its hash chain. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuditTrailTest {
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource db;

    @Test
    void eachDecisionAndMoneyMovementIsRecordedWithItsActor() {
        String e = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String voucher = Fixtures.voucher(e, 1_000_000);
        String id = file(e, filing(voucher, provider, "INV-" + UUID.randomUUID(), 400_000, 200_000))
                .then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
        Fixtures.operator("/redemptions/{id}/pay", Map.of("paymentReference", "BANK-77"), id).then().statusCode(200);

        given().header("X-Request-Id", "req-1").get("/api/v1/operator/audit?target=" + id).then().statusCode(200)
                .body("action", hasItems("redemption.filed", "redemption.provider_confirmed", "redemption.approved",
                        "redemption.paid"))
                .body("find { it.action == 'redemption.filed' }.actorName", equalTo(e.toLowerCase()))
                .body("find { it.action == 'redemption.filed' }.actorRole", equalTo("enterprise"))
                .body("find { it.action == 'redemption.filed' }.amountFen", equalTo(200_000))
                .body("find { it.action == 'redemption.provider_confirmed' }.actorUscc", equalTo(provider))
                .body("find { it.action == 'redemption.paid' }.actorName", equalTo("finance-1"))
                .body("find { it.action == 'redemption.paid' }.actorProvince", equalTo("SH"))
                .body("find { it.action == 'redemption.paid' }.clientAddress", org.hamcrest.Matchers.notNullValue());
        // the money: issued, held, redeemed, each a ledger record on the voucher
        given().get("/api/v1/operator/audit?target=" + voucher).then()
                .body("action", hasItems("ledger.issue", "ledger.hold", "ledger.redeem"))
                .body("find { it.action == 'ledger.redeem' }.amountFen", equalTo(200_000));
        given().get("/api/v1/operator/audit?actor=finance-1&action=redemption.paid").then()
                .body("target", hasItems(id));
        given().get("/api/v1/operator/audit?from=2026-13-01").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void theChainHoldsUnderConcurrentWritesAndAnEditedRecordIsNamed() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String e = Fixtures.enterprise("310115");
                work.add(() -> Fixtures.apply(e, 100_000).statusCode());
            }
            assertThat(pool.invokeAll(work)).allSatisfy(f -> assertThat(f.get()).isEqualTo(201));
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/operator/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("breaks.size()", equalTo(0))
                .body("witness.status", equalTo("UNAVAILABLE"));

        // the application cannot change a record …
        long seq = given().get("/api/v1/operator/audit?action=ledger.issue&limit=1").then().extract()
                .jsonPath().getLong("[0].seq");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE audit_record SET amount_fen = 1 WHERE seq = ?1").setParameter(1, seq)
                        .executeUpdate())).hasStackTraceContaining("append-only");
        // … a database administrator who lifts the guard can, and the chain names the record
        tamper("UPDATE audit_record SET amount_fen = amount_fen + 100 WHERE seq = " + seq);
        try {
            given().get("/api/v1/operator/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("breaks[0].seq", equalTo((int) seq));
        } finally {
            tamper("UPDATE audit_record SET amount_fen = amount_fen - 100 WHERE seq = " + seq);
        }
        given().get("/api/v1/operator/audit/verify").then().body("intact", equalTo(true));
    }

    /**
     * Transactions that record decisions and money never wait at the chain's end: with its lock held elsewhere (as the
     * chainer holds it while it links), applications are still decided and their records committed with them; they
     * take their place in the chain once the lock is free, and the chain is intact.
     */
    @Test
    void moneyNeverWaitsForTheChainsEndAndItsRecordsAreLinkedAfterwards() throws Exception {
        String e = Fixtures.enterprise("310115");
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        String app;
        try (var holder = java.sql.DriverManager.getConnection(url, "postgres", "postgres")) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE").close();
            var applied = java.util.concurrent.CompletableFuture.supplyAsync(() -> Fixtures.apply(e, 100_000));
            var answer = applied.get(10, java.util.concurrent.TimeUnit.SECONDS); // before: it waited for the lock
            assertThat(answer.statusCode()).isEqualTo(201);
            app = answer.jsonPath().getString("id");
            try (var rs = holder.createStatement().executeQuery(
                    "SELECT count(*) FROM audit_pending WHERE target = '" + app + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("committed with the application, waiting for its place").isPositive();
            }
            holder.rollback();
        }
        given().get("/api/v1/operator/audit?target=" + app).then().statusCode(200)
                .body("action", hasItems("application.filed"));
        given().get("/api/v1/operator/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("unlinked", equalTo(0));
    }

    /**
     * A record whose transaction took its number before another's and committed after that one was linked is still
     * linked, with no reader asking: the chainer's runs after a commit read only above what it linked last (the queue's
     * taken rows are not walked again), and its sweep reads from the start.
     */
    @Test
    void aRecordCommittedLateBelowTheLinkedOnesIsLinkedByTheSweep() throws Exception {
        String before = Fixtures.apply(Fixtures.enterprise("310115"), 100_000).jsonPath().getString("id");
        awaitLinked(before);
        String late = "late-" + UUID.randomUUID();
        // the lowest number a record can have, below every record linked so far (theirs are taken out of the queue)
        Sql.single(db, """
                INSERT INTO audit_pending (id, at, actor_subject, actor_role, action, target, outcome)
                VALUES (1, now(), 'system', 'system', 'test.late', ?, 'ok') RETURNING id""", late);
        String after = Fixtures.apply(Fixtures.enterprise("310115"), 100_000).jsonPath().getString("id");
        awaitLinked(after);
        awaitLinked(late);
        given().get("/api/v1/operator/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("unlinked", equalTo(0));
    }

    /** Waits, reading the tables and not the trail (which would link everything first), until the chain holds it. */
    private void awaitLinked(String target) {
        await().alias(target + " linked into the chain").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> Sql.single(db, """
                        SELECT NOT EXISTS (SELECT 1 FROM audit_pending WHERE target = ?)
                           AND EXISTS (SELECT 1 FROM audit_record WHERE target = ?)""", target, target).equals("t"));
    }

    /**
     * The database recomputes a record's hash exactly as the node does (V19 audit_hash: the same JSON, the same
     * SHA-256), so an auditor can check the chain with SQL alone: random contents (quotes, backslashes, CJK, line
     * breaks, the other control characters, missing values) hash alike, every stored record matches, and
     * audit_chain_breaks names an edited one.
     */
    @Test
    void theJavaAndSqlHashesAgreeAndSqlAloneFindsAnEditedRecord() {
        long seed = System.nanoTime();
        var random = new java.util.Random(seed);
        String alphabet = "aZ09 \"\\/\t\n\r\b\f\u0001\u000b\u001f\u007f长三角科技创新券é€😀";
        java.util.function.Supplier<String> text = () -> {
            if (random.nextInt(5) == 0) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            return b.toString();
        };
        for (int i = 0; i < 200; i++) {
            long seq = 1 + random.nextInt(1_000_000_000);
            var at = java.time.Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000), random.nextInt(1_000_000) * 1_000L);
            Long amount = random.nextBoolean() ? null : random.nextLong() % 10_000_000_000L;
            String prev = i == 0 ? "0".repeat(64) : Audit.hash(i, new Audit.Entry(at, new org.yrd.voucher.edge.Actor("p",
                    null, "system", null, null, null, null), "x", "y", "z", null, null), "0".repeat(64));
            var e = new Audit.Entry(at, new org.yrd.voucher.edge.Actor(String.valueOf(text.get()), text.get(),
                    "operator", text.get(), text.get(), text.get(), text.get()), "a" + text.get(), "t" + text.get(),
                    "o" + text.get(), amount, text.get());
            var a = e.actor();
            String sql = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                            SELECT audit_hash(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter(1, seq).setParameter(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                    .setParameter(3, a.subject(), String.class).setParameter(4, a.name(), String.class)
                    .setParameter(5, a.role(), String.class).setParameter(6, a.province(), String.class)
                    .setParameter(7, a.uscc(), String.class).setParameter(8, e.action(), String.class)
                    .setParameter(9, e.target(), String.class).setParameter(10, e.outcome(), String.class)
                    .setParameter(11, amount, Long.class).setParameter(12, e.detail(), String.class)
                    .setParameter(13, a.requestId(), String.class).setParameter(14, a.clientAddress(), String.class)
                    .setParameter(15, prev, String.class).getSingleResult());
            assertThat(sql).as("seed %d, record %s", seed, e).isEqualTo(Audit.hash(seq, e, prev));
        }
        Fixtures.apply(Fixtures.enterprise("310115"), 100_000).then().statusCode(201);
        given().get("/api/v1/operator/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        assertThat(breaks()).as("every stored record, checked by SQL alone").isEmpty();
        long seq = given().get("/api/v1/operator/audit?action=ledger.issue&limit=1").then().extract()
                .jsonPath().getLong("[0].seq");
        tamper("UPDATE audit_record SET amount_fen = amount_fen + 1 WHERE seq = " + seq);
        try {
            assertThat(breaks()).contains(seq);
        } finally {
            tamper("UPDATE audit_record SET amount_fen = amount_fen - 1 WHERE seq = " + seq);
        }
        assertThat(breaks()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Long> breaks() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "SELECT seq FROM audit_chain_breaks").getResultList()).stream().map(Number::longValue).toList());
    }

    void tamper(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only").executeUpdate();
            em.createNativeQuery(sql).executeUpdate();
            em.createNativeQuery("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only").executeUpdate();
        });
    }
}
