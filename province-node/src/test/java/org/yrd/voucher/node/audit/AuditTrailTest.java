package org.yrd.voucher.node.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/** The audit trail: who did what to which money, append-only, and any later edit found by its hash chain. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuditTrailTest {
    @Inject
    EntityManager em;

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

    void tamper(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only").executeUpdate();
            em.createNativeQuery(sql).executeUpdate();
            em.createNativeQuery("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only").executeUpdate();
        });
    }
}
