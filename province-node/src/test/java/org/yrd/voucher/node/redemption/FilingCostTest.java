package org.yrd.voucher.node.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.ManyVouchers;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * A filing finds its voucher by the voucher's id, however many active vouchers the province holds and whatever the
 * database knows of them: its guarded write re-checks the voucher's enterprise, state and validity as read, and with
 * those as conditions PostgreSQL could take the partial index of active vouchers by expiry (all of a round valid
 * until the same day) for the row, reading every entry of it, for each filing. A database of its own (a profile),
 * since the province's vouchers are written straight into it.
 */
@QuarkusTest
@TestProfile(FilingCostTest.LargeProvince.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class FilingCostTest {
    public static class LargeProvince implements QuarkusTestProfile {}

    private static final int OTHERS = 20_000;

    @Inject
    DataSource db;

    @Test
    void aFilingReadsItsOwnVoucherNotTheProvincesActiveOnes() throws Exception {
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String template = Fixtures.enterprise("310115");
        Fixtures.voucher(template, 1_000_000);
        try (Connection c = db.getConnection()) {
            ManyVouchers.copy(c, template, OTHERS);
            update(c, "ALTER TABLE voucher SET (autovacuum_enabled = false)"); // nothing learns of them meanwhile
            ManyVouchers.forgetStatistics(c);
        }
        // more filings than the driver plans apart (4) before it keeps one plan for its connection
        for (int i = 0; i < 8; i++) {
            String enterprise = Fixtures.enterprise("310115");
            String voucher = Fixtures.voucher(enterprise, 1_000_000);
            file(enterprise, filing(voucher, provider, "COST-" + UUID.randomUUID(), 400_000, 200_000))
                    .then().statusCode(201);
        }
        // a session hands its counts to the server at the end of a transaction a second after its last, or after ten
        // seconds idle: watched until then, every session's reads of this database so far are in
        Instant until = Instant.now().plus(Duration.ofSeconds(12));
        do {
            assertThat(ints("SELECT cast(idx_tup_read AS int) FROM pg_stat_user_indexes WHERE indexrelname = ?",
                    "voucher_active_expiry").get(0)).as("entries of the active vouchers' expiry index read by 8 "
                    + "applications and 8 filings, with %s other active vouchers in the province", OTHERS)
                    .isLessThan(100);
            Thread.sleep(500);
        } while (Instant.now().isBefore(until));
    }

    private List<Integer> ints(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Integer> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getInt(1));
                }
            }
            return found;
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
