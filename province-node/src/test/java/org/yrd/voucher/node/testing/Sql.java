package org.yrd.voucher.node.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A test's look at the database in plain JDBC, outside any transaction of the app's. */
public final class Sql {
    private Sql() {}

    /** The first column of the first row {@code sql} returns, as text. */
    public static String single(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** The audit records about {@code target}, linked into the chain or still waiting for it. */
    public static long audited(DataSource db, String target) {
        try {
            return Long.parseLong(single(db, "SELECT (SELECT count(*) FROM audit_record WHERE target = ?) "
                    + "+ (SELECT count(*) FROM audit_pending WHERE target = ?)", target, target));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
