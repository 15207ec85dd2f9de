package org.yrd.voucher.node.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A province holding many active vouchers, all valid until the same day as a round's are, written straight into the
 * database: copies of one company's enterprise, application and voucher rows under new identities (USCCs starting
 * {@code ZZ}). For tests of what a request reads, not of money: no ledger entry or budget goes with them.
 */
public final class ManyVouchers {
    private ManyVouchers() {}

    /** {@code n} other companies with an active voucher each, copied from {@code template}'s one voucher. */
    public static void copy(Connection c, String template, int n) throws SQLException {
        update(c, """
                INSERT INTO enterprise SELECT (jsonb_populate_record(x, jsonb_build_object('uscc',
                    'ZZ' || lpad(n::text, 16, '0')))).* FROM enterprise x, generate_series(1, ?) n WHERE x.uscc = ?""",
                n, template);
        update(c, """
                INSERT INTO voucher_application SELECT (jsonb_populate_record(x, jsonb_build_object('id',
                    md5(n::text)::uuid, 'enterprise_uscc', 'ZZ' || lpad(n::text, 16, '0')))).*
                FROM voucher_application x, generate_series(1, ?) n WHERE x.enterprise_uscc = ?""", n, template);
        update(c, """
                INSERT INTO voucher SELECT (jsonb_populate_record(x, jsonb_build_object('id', gen_random_uuid(),
                    'application_id', md5(n::text)::uuid, 'enterprise_uscc', 'ZZ' || lpad(n::text, 16, '0')))).*
                FROM voucher x, generate_series(1, ?) n WHERE x.enterprise_uscc = ?""", n, template);
    }

    /** What the database knows of the vouchers' values forgotten, as in a young table no one has analysed yet. */
    public static void forgetStatistics(Connection c) throws SQLException {
        update(c, "DELETE FROM pg_statistic WHERE starelid = 'voucher'::regclass");
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
