package org.yrd.voucher.node.redemption;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.node.risk.RiskFlag;
import org.yrd.voucher.policy.RiskRules;

/**
 * The hot steps of a redemption after its filing (confirm, approve, pay) in plain JDBC, in the caller's transaction
 * (the data source hands out the connection the transaction already holds): one statement reads every fact the
 * decision needs, the policy and the redemption's state machine decide in memory, and one guarded statement writes
 * the outcome only if every fact the decision used still holds (state, provider standing, risk flags, negative list,
 * maker–checker). No row lock is held between the two; a write that finds a fact changed writes nothing and the step
 * is decided again on fresh facts (docs/architecture.md "Money under concurrency").
 */
@ApplicationScoped
class RedemptionStore {
    private final AgroalDataSource db;

    RedemptionStore(AgroalDataSource db) {
        this.db = db;
    }

    /** What a step is decided on: the redemption, its provider's state here, who is listed today, its risk flags. */
    record Facts(Redemption redemption, String providerStatus, boolean enterpriseListed, boolean providerListed,
                 boolean payeeListed, List<RiskFlag> flags) {}

    /** The facts of redemption {@code id}, or {@code null} if there is none; one round trip, no lock. */
    Facts facts(UUID id, LocalDate today) {
        String sql = "SELECT r.*, p.status, party_listed(r.enterprise_uscc, ?), party_listed(r.provider_uscc, ?),"
                + " party_listed(r.payee_uscc, ?), f.statuses, f.rules, f.subjects FROM (SELECT " + Redemption.COLUMNS
                + " FROM redemption WHERE id = ?) r LEFT JOIN provider p ON p.uscc = r.provider_uscc"
                + " LEFT JOIN LATERAL (SELECT array_agg(status ORDER BY raised_at, rule) AS statuses,"
                + " array_agg(rule ORDER BY raised_at, rule) AS rules,"
                + " array_agg(decided_by_subject ORDER BY raised_at, rule) AS subjects"
                + " FROM risk_flag WHERE redemption_id = r.id) f ON true";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, today);
            s.setObject(2, today);
            s.setObject(3, today);
            s.setObject(4, id);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Redemption r = Redemption.read(row, 1);
                int at = 35;
                return new Facts(r, row.getString(at), row.getBoolean(at + 1), row.getBoolean(at + 2),
                        row.getBoolean(at + 3), flags(id, row.getArray(at + 4), row.getArray(at + 5),
                        row.getArray(at + 6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading redemption " + id, e);
        }
    }

    private static List<RiskFlag> flags(UUID redemptionId, java.sql.Array statuses, java.sql.Array rules,
                                        java.sql.Array subjects) throws SQLException {
        if (statuses == null) {
            return List.of();
        }
        Object[] status = (Object[]) statuses.getArray();
        Object[] rule = (Object[]) rules.getArray();
        Object[] subject = (Object[]) subjects.getArray();
        List<RiskFlag> flags = new ArrayList<>(status.length);
        for (int i = 0; i < status.length; i++) {
            RiskFlag f = new RiskFlag();
            f.redemptionId = redemptionId;
            f.status = RiskFlag.Status.valueOf((String) status[i]);
            f.rule = RiskRules.Rule.valueOf((String) rule[i]);
            f.decidedBySubject = (String) subject[i];
            flags.add(f);
        }
        return flags;
    }

    /**
     * The provider's confirmation (and the automatic approval taken with it), written only if the redemption is still
     * in {@code from}, its provider is still admitted and unlisted (P5, P13) and, when it was approved automatically,
     * no risk flag was raised on it meanwhile (P13).
     */
    boolean confirmed(Redemption r, String from, LocalDate today, boolean autoApproved) {
        return update("""
                UPDATE redemption SET status = ?, confirmed_at = ?, decided_at = ?, decided_by = ?,
                  decided_by_subject = ?, reason = ?, reason_code = ?
                WHERE id = ? AND status = ?
                  AND EXISTS (SELECT 1 FROM provider p WHERE p.uscc = provider_uscc AND p.status = 'ADMITTED')
                  AND NOT party_listed(provider_uscc, ?)
                  AND (NOT ? OR NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.redemption_id = redemption.id))""",
                r.status().name(), r.confirmedAt(), r.decidedAt(), r.decidedBy(), r.decidedBySubject(), r.reason(),
                r.reasonCode(), r.id, from, today, autoApproved) == 1;
    }

    /**
     * An operator's approval, written only if the redemption is still in {@code from} and every flag on it is cleared,
     * none by the approver (P13).
     */
    boolean approved(Redemption r, String from) {
        return update("""
                UPDATE redemption SET status = ?, decided_at = ?, decided_by = ?, decided_by_subject = ?, reason = ?,
                  reason_code = ?
                WHERE id = ? AND status = ?
                  AND NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.redemption_id = redemption.id
                                  AND (f.status <> 'CLEARED' OR f.decided_by_subject = ?))""",
                r.status().name(), r.decidedAt(), r.decidedBy(), r.decidedBySubject(), r.reason(), r.reasonCode(),
                r.id, from, r.decidedBySubject()) == 1;
    }

    /**
     * The payment, its hold turned into the redeemed amount on the voucher and its ledger entry, in one statement,
     * written only if the redemption is still in {@code from}, was not approved by the payer, has no open or confirmed
     * flag and none of its parties is listed today (P13). The voucher's CHECK keeps its balance from going below zero.
     */
    boolean paid(Redemption r, String from, LocalDate today) {
        return update("""
                WITH p AS (UPDATE redemption SET status = ?, paid_at = ?, payment_reference = ?, paid_by = ?,
                             paid_by_subject = ?
                           WHERE id = ? AND status = ? AND decided_by_subject IS DISTINCT FROM ?
                             AND NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.redemption_id = redemption.id
                                             AND f.status <> 'CLEARED')
                             AND NOT (party_listed(payee_uscc, ?) OR party_listed(enterprise_uscc, ?)
                                      OR party_listed(provider_uscc, ?))
                           RETURNING id, voucher_id, voucher_amount_fen, budget_year, policy_version),
                     v AS (UPDATE voucher SET held_fen = voucher.held_fen - p.voucher_amount_fen,
                             redeemed_fen = voucher.redeemed_fen + p.voucher_amount_fen
                           FROM p WHERE voucher.id = p.voucher_id RETURNING voucher.id),
                     l AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, redemption_id,
                             policy_version)
                           SELECT cast(? AS timestamptz), 'REDEEM', p.voucher_amount_fen, p.budget_year, v.id, p.id,
                             p.policy_version
                           FROM p, v WHERE p.voucher_amount_fen > 0)
                SELECT count(*) FROM p""",
                r.status().name(), r.paidAt(), r.paymentReference(), r.paidBy(), r.paidBySubject(), r.id, from,
                r.paidBySubject(), today, today, today, r.paidAt()) == 1;
    }

    /** Runs a guarded write; returns the rows it wrote (or the count its final SELECT gives). */
    private int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            if (s.execute()) {
                try (ResultSet row = s.getResultSet()) {
                    row.next();
                    return row.getInt(1);
                }
            }
            return s.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException("a guarded write of a redemption failed", e);
        }
    }
}
