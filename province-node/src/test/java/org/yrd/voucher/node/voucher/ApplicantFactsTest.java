package org.yrd.voucher.node.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.ManyVouchers;
import org.yrd.voucher.node.testing.TestClock;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * An application's facts about its applicant (P6 balance, annual cap, budget; P13 listing) cost the same whatever
 * the province holds: its active vouchers are found by their enterprise and status alone (V26), also before the
 * database has statistics of a young table, when an index on the enterprise alone let PostgreSQL read every active
 * voucher of the province (the partial expiry index) for each application.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ApplicantFactsTest {
    private static final int OTHERS = 20_000;

    @Inject
    DataSource db;

    @Test
    void anApplicantsFactsReadItsOwnVouchersOnlyHoweverManyTheProvinceHolds() throws Exception {
        String applicant = Fixtures.enterprise("310115");
        Fixtures.voucher(applicant, 1_200_000);
        String template = Fixtures.enterprise("310115");
        Fixtures.voucher(template, 1_000_000);
        LocalDate today = TimeSource.today(TestClock.INSTANCE);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                ManyVouchers.copy(c, template, OTHERS); // seen only here: rolled back below
                ManyVouchers.forgetStatistics(c);
                facts(c, applicant, today); // the session's first call of party_listed plans its queries
                JsonNode plan = explain(c, applicant, today);
                assertThat(voucherBuffers(plan)).as("pages the applicant's facts read of the vouchers, with %s other "
                        + "active vouchers (their expiry index alone is %s pages); the plan: %s", OTHERS,
                        expiryIndexPages(c), plan).isLessThan(20);
                assertThat(rowsOfEachScan(plan)).as("rows each scan of the plan found; the plan: %s", plan)
                        .allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(8));

                // and what it answers is the applicant's own: 12,000 yuan active, nothing used of it
                assertThat(facts(c, applicant, today)).containsExactly(1_200_000L, 0L, 1_200_000L);
            } finally {
                c.rollback();
            }
        }
    }

    /** The applicant's active face value, what is used of it and its issued total this year. */
    private static List<Long> facts(Connection c, String uscc, LocalDate today) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(Vouchers.APPLICANT_FACTS)) {
            Vouchers.bindApplicantFacts(s, uscc, today);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return List.of(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    private static JsonNode explain(Connection c, String uscc, LocalDate today) throws Exception {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                + Vouchers.APPLICANT_FACTS)) {
            Vouchers.bindApplicantFacts(s, uscc, today);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new ObjectMapper().readTree(row.getString(1)).get(0).get("Plan");
            }
        }
    }

    /**
     * Pages read by the plan's scans of the voucher table, each with the index scans under it (a node's figures include
     * its children's); the rest of the statement (the year's totals, the negative list) is not about the vouchers.
     */
    private static long voucherBuffers(JsonNode node) {
        if ("voucher".equals(node.path("Relation Name").asText())
                || node.path("Index Name").asText().startsWith("voucher_")) {
            return node.get("Shared Hit Blocks").asLong() + node.get("Shared Read Blocks").asLong();
        }
        long sum = 0;
        for (JsonNode child : node.path("Plans")) {
            sum += voucherBuffers(child);
        }
        return sum;
    }

    private static List<Long> rowsOfEachScan(JsonNode plan) {
        List<Long> rows = new ArrayList<>();
        collect(plan, rows);
        return rows;
    }

    private static void collect(JsonNode node, List<Long> rows) {
        if (node.get("Node Type").asText().contains("Scan")) {
            rows.add(node.get("Actual Rows").asLong());
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(p -> collect(p, rows));
        }
    }

    private static long expiryIndexPages(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_relation_size('voucher_active_expiry') / 8192")) {
            r.next();
            return r.getLong(1);
        }
    }
}
