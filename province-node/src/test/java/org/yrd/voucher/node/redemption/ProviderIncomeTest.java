package org.yrd.voucher.node.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;
import static org.yrd.voucher.node.testing.Fixtures.operator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.States;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Sql;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.policy.RedemptionStatus;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * A provider's live voucher income in a budget year, which each filing screens against (P13 concentration), is a
 * total the database keeps with the redemptions (V25): it counts exactly the states the policy library calls live,
 * and after any mix of filings, confirmations, approvals, payments, disputes, rejections and expiries it is exactly
 * the sum of the provider's live redemptions.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ProviderIncomeTest {
    private static final String TIC = "TESTING_INSPECTION_CERTIFICATION";

    @Inject
    DataSource db;

    @Test
    void theDatabaseCountsAsLiveExactlyTheStatesThePolicyLibraryDoes() throws SQLException {
        for (RedemptionStatus s : RedemptionStatus.values()) {
            assertThat(single("SELECT cast(redemption_live(?) AS varchar)", s.name())).as(s.name())
                    .isEqualTo(String.valueOf(s.live()));
        }
        assertThat(single("SELECT cast(redemption_live(?) AS varchar)", "filed")).isEqualTo("false");
    }

    @Test
    void aProvidersTotalIsTheSumOfItsLiveRedemptionsThroughEveryStep() throws SQLException {
        String provider = Fixtures.admittedProvider(List.of(TIC));
        List<String[]> filed = new ArrayList<>(); // enterprise, redemption
        for (int i = 0; i < 6; i++) {
            String e = Fixtures.enterprise("310115");
            String voucher = Fixtures.voucher(e, 1_000_000);
            String id = file(e, filing(voucher, provider, "INC-" + UUID.randomUUID(), 400_000 + 20_000L * i,
                    200_000 + 10_000L * i)).then().statusCode(201).extract().path("id");
            filed.add(new String[] {e, id});
            assertTotalIsTheSum(provider);
        }
        assertThat(total(provider)).isPositive();
        // kept live: confirmed, approved, paid
        confirm(provider, filed.get(0)[1]);
        assertTotalIsTheSum(provider);
        operator("/redemptions/{id}/pay", Map.of("paymentReference", "B-1"), filed.get(0)[1]).then().statusCode(200);
        assertTotalIsTheSum(provider);
        // ended: disputed, rejected, expired unanswered
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("reason", "not our service")).post("/api/v1/providers/{p}/redemptions/{id}/dispute",
                        provider, filed.get(1)[1]).then().statusCode(200);
        assertTotalIsTheSum(provider);
        confirm(provider, filed.get(2)[1]);
        operator("/redemptions/{id}/reject", Map.of("reason", "no"), filed.get(2)[1]).then().statusCode(200);
        assertTotalIsTheSum(provider);
        // 35 days on, past the 30-day confirmation timeout (the vouchers are still valid): the unanswered ones expire
        long before = total(provider);
        TestClock.INSTANCE.setDay(LocalDate.of(2026, 5, 20));
        try {
            for (int run = 0; run < 10 && !"0".equals(single("SELECT count(*) FROM redemption WHERE provider_uscc = ? "
                    + "AND status = 'FILED'", provider)); run++) {
                Fixtures.runExpiryJobs(); // 500 of the whole node's at a time
            }
        } finally {
            TestClock.INSTANCE.reset();
        }
        assertTotalIsTheSum(provider);
        assertThat(total(provider)).as("the unanswered filings ended").isLessThan(before);
    }

    private static void confirm(String provider, String id) {
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", provider, id).then().statusCode(200);
    }

    void assertTotalIsTheSum(String provider) throws SQLException {
        assertThat(differences(db, provider)).as(provider).isZero();
    }

    /**
     * The provider's budget years whose total differs from the sum of its live redemptions, computed afresh (also
     * checked after the concurrent mix of ConcurrencyTest).
     */
    static long differences(DataSource db, String provider) throws SQLException {
        return Long.parseLong(Sql.single(db, """
                SELECT count(*) FROM (SELECT budget_year, sum(voucher_amount_fen) AS fen FROM redemption
                                      WHERE provider_uscc = ? AND status = ANY(cast(? AS varchar[]))
                                      GROUP BY budget_year) s
                FULL JOIN (SELECT budget_year, live_fen FROM provider_year_income WHERE provider_uscc = ?
                             AND live_fen > 0) t USING (budget_year)
                WHERE s.fen IS DISTINCT FROM t.live_fen""", provider, States.sql(States.LIVE), provider));
    }

    long total(String provider) throws SQLException {
        String fen = single("SELECT cast(coalesce(sum(live_fen), 0) AS varchar) FROM provider_year_income "
                + "WHERE provider_uscc = ?", provider);
        return Long.parseLong(fen);
    }

    private String single(String sql, Object... params) throws SQLException {
        return Sql.single(db, sql, params);
    }
}
