package org.yrd.voucher.node.redemption;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.events.States;
import org.yrd.voucher.node.common.Contact;
import org.yrd.voucher.node.risk.RiskFlag;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.policy.RiskRules;

/**
 * A person's steps on a redemption (filing, confirming, disputing, approving, rejecting, paying) in plain JDBC, in the
 * caller's transaction (the data source hands out the connection the transaction already holds): one statement reads
 * every fact the decision needs, the policy and the redemption's state machine decide in memory, and one guarded
 * statement writes the outcome only if every fact the decision used still holds (state, provider standing, risk flags,
 * negative list, maker–checker). No row lock is held between the two; a write that finds a fact changed writes nothing
 * and the step is decided again on fresh facts (docs/architecture.md "Money under concurrency").
 */
@ApplicationScoped
class RedemptionStore {
    /**
     * Decisions of one step on fresh facts before a lost race is taken for a fault: each lost round is another step's
     * success on the same redemption or voucher, so this bounds how many of them one request can be overtaken by.
     */
    private static final int MAX_ROUNDS = 20;
    /** The first column after the redemption's own in {@link #facts}. */
    private static final int AFTER_REDEMPTION = Redemption.COLUMNS.split(",").length + 1;
    private final AgroalDataSource db;

    RedemptionStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Whose standing on the negative list (P13) a step is decided on: a confirmation the provider's, a payment all. */
    enum Listed {
        NONE(false, false), PROVIDER(false, true), ALL(true, true);

        private final boolean enterpriseAndPayee;
        private final boolean provider;

        Listed(boolean enterpriseAndPayee, boolean provider) {
            this.enterpriseAndPayee = enterpriseAndPayee;
            this.provider = provider;
        }
    }

    /**
     * What a step is decided on: the redemption, its provider's state here, who is listed today (null for a party
     * the step did not ask about), its risk flags.
     */
    record Facts(Redemption redemption, String providerStatus, Boolean enterpriseListed, Boolean providerListed,
                 Boolean payeeListed, List<RiskFlag> flags) {}

    /**
     * The facts of redemption {@code id}, or {@code null} if there is none; one round trip, no lock. The negative
     * list is read only for the parties {@code listed} names (each look-up is a call of {@code party_listed}).
     */
    Facts facts(UUID id, LocalDate today, Listed listed) {
        String sql = "SELECT r.*, p.status, CASE WHEN ? THEN party_listed(r.enterprise_uscc, ?) END,"
                + " CASE WHEN ? THEN party_listed(r.provider_uscc, ?) END,"
                + " CASE WHEN ? THEN party_listed(r.payee_uscc, ?) END,"
                + " f.statuses, f.rules, f.subjects FROM (SELECT " + Redemption.COLUMNS
                + " FROM redemption WHERE id = ?) r LEFT JOIN provider p ON p.uscc = r.provider_uscc"
                + " LEFT JOIN LATERAL (SELECT array_agg(status ORDER BY raised_at, rule) AS statuses,"
                + " array_agg(rule ORDER BY raised_at, rule) AS rules,"
                + " array_agg(decided_by_subject ORDER BY raised_at, rule) AS subjects"
                + " FROM risk_flag WHERE redemption_id = r.id) f ON true";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBoolean(1, listed.enterpriseAndPayee);
            s.setObject(2, today);
            s.setBoolean(3, listed.provider);
            s.setObject(4, today);
            s.setBoolean(5, listed.enterpriseAndPayee);
            s.setObject(6, today);
            s.setObject(7, id);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Redemption r = Redemption.read(row, 1);
                int at = AFTER_REDEMPTION;
                return new Facts(r, row.getString(at), row.getObject(at + 1, Boolean.class),
                        row.getObject(at + 2, Boolean.class), row.getObject(at + 3, Boolean.class),
                        flags(id, row.getArray(at + 4), row.getArray(at + 5), row.getArray(at + 6)));
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
     * in {@code from}, its provider is still admitted and unlisted here (P5, P13; unless {@code providerHere} is false:
     * another province's provider, whose own node checked its standing when it confirmed, P14) and, when it was
     * approved automatically, no risk flag was raised on it meanwhile (P13).
     */
    boolean confirmed(Redemption r, String from, LocalDate today, boolean providerHere, boolean autoApproved) {
        return update("""
                UPDATE redemption SET status = ?, confirmed_at = ?, decided_at = ?, decided_by = ?,
                  decided_by_subject = ?, reason = ?, reason_code = ?
                WHERE id = ? AND status = ?
                  AND (NOT ? OR (EXISTS (SELECT 1 FROM provider p WHERE p.uscc = provider_uscc
                                                                  AND p.status = 'ADMITTED')
                                 AND NOT party_listed(provider_uscc, ?)))
                  AND (NOT ? OR NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.redemption_id = redemption.id))""",
                r.status().name(), r.confirmedAt(), r.decidedAt(), r.decidedBy(), r.decidedBySubject(), r.reason(),
                r.reasonCode(), r.id, from, providerHere, today, autoApproved) == 1;
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

    /**
     * A redemption ended unpaid by a person (its provider's dispute, an operator's rejection), written only if it is
     * still in {@code from}, with its hold released in the same statement: the voucher's hold given back (to the
     * budget, as its expired amount, if the voucher expired meanwhile: P7) and the ledger's {@code RELEASE} (and then
     * {@code EXPIRE}) entry. Returns whether the voucher had expired, or {@code null} if the redemption was no longer
     * in {@code from} (nothing written).
     */
    Boolean ended(Redemption r, String from, OffsetDateTime at) {
        String sql = """
                WITH e AS (UPDATE redemption SET status = ?, reason = ?, reason_code = ?, decided_at = ?,
                             decided_by = ?, decided_by_subject = ?
                           WHERE id = ? AND status = ?
                           RETURNING id, voucher_id, voucher_amount_fen, budget_year, policy_version),
                     v AS (UPDATE voucher SET held_fen = voucher.held_fen - e.voucher_amount_fen,
                             expired_fen = voucher.expired_fen
                               + CASE WHEN voucher.status = 'EXPIRED' THEN e.voucher_amount_fen ELSE 0 END
                           FROM e WHERE voucher.id = e.voucher_id
                           RETURNING voucher.id, voucher.status = 'EXPIRED' AS expired),
                     l AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, redemption_id,
                             policy_version)
                           SELECT cast(? AS timestamptz), k.kind, e.voucher_amount_fen, e.budget_year, v.id, e.id,
                             e.policy_version
                           FROM e, v, (VALUES (1, 'RELEASE'), (2, 'EXPIRE')) k(n, kind)
                           WHERE e.voucher_amount_fen > 0 AND (k.n = 1 OR v.expired)
                           ORDER BY k.n)
                SELECT expired FROM v""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, r.status().name(), r.reason(), r.reasonCode(), r.decidedAt(), r.decidedBy(), r.decidedBySubject(),
                    r.id, from, at);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ending redemption " + r.id, e);
        }
    }

    /**
     * What a filing is decided on, read in one statement: the enterprise (its name, district and contact; {@code null}
     * name if it is not registered), whether it and the provider are listed today, whether the invoice is taken (P3,
     * P13), where the provider stands here and in the YRD registry (P5, P14), the voucher ({@code null} if unknown),
     * and for the risk screening (P13) the pair's live filings since {@code since} and the provider's live income in
     * the voucher's budget year, in all (its total, kept with the redemptions: V25) and from the enterprise's group.
     */
    record FilingFacts(String enterpriseName, String enterpriseDistrict, Contact enterpriseContact,
                       boolean enterpriseListed, boolean providerListed, boolean invoiceTaken, String providerStatus,
                       String providerCategories, Contact providerContact, String recognisedBy,
                       String recognisedCategories, Voucher voucher, List<RiskRules.Prior> priors,
                       long providerIncomeFen, long groupIncomeFen) {}

    /**
     * The states a request from another province holds its invoice in, written into the statement (ours are
     * {@code redemption_live}, V25): with the states as parameters PostgreSQL cannot prove from a generic plan that the
     * invoice's partial unique index applies, so it planned this statement afresh at every filing (1.4 ms).
     */
    private static final String REQUEST_LIVE = String.join(", ", States.REQUEST_LIVE.stream().map(s -> "'" + s + "'")
            .toList());

    FilingFacts filingFacts(String enterpriseUscc, UUID voucherId, String providerUscc, String invoiceKey,
                            String invoiceHash, LocalDate today, OffsetDateTime since) {
        String sql = """
                SELECT e.name, e.district_code, e.legal_representative, e.contact_phone, e.address,
                  party_listed(?, ?), party_listed(?, ?),
                  (EXISTS (SELECT 1 FROM redemption WHERE provider_uscc = ? AND invoice_key = ?
                             AND redemption_live(status))
                   OR EXISTS (SELECT 1 FROM incoming_redemption WHERE invoice_hash = ?
                             AND status IN (%s))),
                  p.status, p.categories, p.legal_representative, p.contact_phone, p.address,
                  y.home_province, y.categories,
                  v.id, v.enterprise_uscc, v.district_code, v.pools, v.budget_year, v.face_value_fen, v.held_fen,
                  v.redeemed_fen, v.expired_fen, v.status, v.issued_on, v.expires_on, v.policy_version,
                  pr.ids, pr.amounts,
                  (SELECT coalesce(max(live_fen), 0) FROM provider_year_income
                    WHERE provider_uscc = ? AND budget_year = v.budget_year),
                  (SELECT coalesce(sum(r.voucher_amount_fen), 0)
                     FROM enterprise m JOIN redemption r ON r.enterprise_uscc = m.uscc AND r.provider_uscc = ?
                    WHERE (m.parent_uscc = coalesce(e.parent_uscc, e.uscc)
                           OR (m.uscc = coalesce(e.parent_uscc, e.uscc) AND m.parent_uscc IS NULL))
                      AND r.budget_year = v.budget_year AND redemption_live(r.status))
                FROM (SELECT 1) AS one LEFT JOIN enterprise e ON e.uscc = ?
                  LEFT JOIN provider p ON p.uscc = ?
                  LEFT JOIN provider_registry y ON y.uscc = ? AND y.recognised
                  LEFT JOIN voucher v ON v.id = ?
                  LEFT JOIN LATERAL (SELECT array_agg(cast(id AS varchar) ORDER BY filed_at) AS ids,
                                            array_agg(voucher_amount_fen ORDER BY filed_at) AS amounts
                                     FROM redemption WHERE enterprise_uscc = ? AND provider_uscc = ? AND filed_at >= ?
                                       AND redemption_live(status)) pr ON true""".formatted(REQUEST_LIVE);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, enterpriseUscc, today, providerUscc, today, providerUscc, invoiceKey, invoiceHash, providerUscc,
                    providerUscc, enterpriseUscc, providerUscc, providerUscc, voucherId, enterpriseUscc, providerUscc,
                    since);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                Voucher v = null;
                if (row.getObject(16) != null) {
                    v = new Voucher();
                    v.id = row.getObject(16, UUID.class);
                    v.enterpriseUscc = row.getString(17);
                    v.districtCode = row.getString(18);
                    v.pools = row.getString(19);
                    v.budgetYear = row.getInt(20);
                    v.faceValueFen = row.getLong(21);
                    v.heldFen = row.getLong(22);
                    v.redeemedFen = row.getLong(23);
                    v.expiredFen = row.getLong(24);
                    v.status = Voucher.Status.valueOf(row.getString(25));
                    v.issuedOn = row.getObject(26, LocalDate.class);
                    v.expiresOn = row.getObject(27, LocalDate.class);
                    v.policyVersion = row.getInt(28);
                }
                List<RiskRules.Prior> priors = new ArrayList<>();
                if (row.getArray(29) != null) {
                    Object[] ids = (Object[]) row.getArray(29).getArray();
                    Object[] amounts = (Object[]) row.getArray(30).getArray();
                    for (int i = 0; i < ids.length; i++) {
                        priors.add(new RiskRules.Prior((String) ids[i], ((Number) amounts[i]).longValue()));
                    }
                }
                return new FilingFacts(row.getString(1), row.getString(2),
                        Contact.of(row.getString(3), row.getString(4), row.getString(5)), row.getBoolean(6),
                        row.getBoolean(7), row.getBoolean(8), row.getString(9), row.getString(10),
                        Contact.of(row.getString(11), row.getString(12), row.getString(13)), row.getString(14),
                        row.getString(15), v, priors, row.getLong(31), row.getLong(32));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the facts of a filing", e);
        }
    }

    /**
     * The filing, its hold on the voucher and its ledger entry, in one statement, written only if every fact its
     * decision used still holds: the voucher is still the enterprise's, active, valid and has room for the amount
     * (exactly the room read, when the amount took all of it, P6), neither party has been listed (P13), and the
     * provider's state and categories, here and in the registry, are as read (P5, P14). The invoice's unique index
     * refuses a second live filing of it (P3): 409. The voucher is found by its id alone: its enterprise, state and
     * validity are compared as one row, which no index answers; as separate conditions they matched the partial index
     * of active vouchers by expiry (a round's all valid until the same day), which PostgreSQL took for the row when
     * its statistics were thin, reading every active voucher's entry at each filing ({@code FilingCostTest}).
     */
    boolean filed(Redemption r, FilingFacts f, LocalDate today, OffsetDateTime at) {
        Voucher v = f.voucher();
        String sql = """
                WITH held AS (UPDATE voucher SET held_fen = held_fen + ?
                              WHERE id = ?
                                AND (enterprise_uscc, status, expires_on) IS NOT DISTINCT FROM (?, 'ACTIVE', ?)
                                AND held_fen + redeemed_fen + expired_fen + ? <= face_value_fen
                                AND (NOT ? OR face_value_fen - held_fen - redeemed_fen - expired_fen = ?)
                                AND NOT party_listed(?, ?) AND NOT party_listed(?, ?)
                                AND (SELECT status || '|' || coalesce(categories, '') FROM provider WHERE uscc = ?)
                                    IS NOT DISTINCT FROM ?
                                AND (SELECT home_province || '|' || coalesce(categories, '') FROM provider_registry
                                     WHERE uscc = ? AND recognised) IS NOT DISTINCT FROM ?
                              RETURNING id),
                     r AS (INSERT INTO redemption (id, voucher_id, budget_year, enterprise_uscc, district_code,
                             provider_uscc, provider_province, category, contract_no, invoice_no, invoice_key,
                             invoice_hash, completion_date, actual_expenditure_fen, requested_fen, voucher_amount_fen,
                             enterprise_share_fen, payee, payee_uscc, status, policy_version, filed_at,
                             relation_declared, trimmed_by)
                           SELECT ?, held.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                           FROM held RETURNING id),
                     l AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, redemption_id,
                             policy_version)
                           SELECT ?, 'HOLD', ?, ?, ?, r.id, ? FROM r WHERE ? > 0)
                SELECT count(*) FROM r""";
        long available = v.availableFen();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, r.voucherAmountFen, v.id, r.enterpriseUscc, v.expiresOn, r.voucherAmountFen,
                    r.voucherAmountFen == available, available, r.enterpriseUscc, today,
                    r.providerUscc, today, r.providerUscc, standing(f.providerStatus(), f.providerCategories()),
                    r.providerUscc, standing(f.recognisedBy(), f.recognisedCategories()),
                    r.id, r.budgetYear, r.enterpriseUscc, r.districtCode, r.providerUscc, r.providerProvince,
                    r.category, r.contractNo, r.invoiceNo, r.invoiceKey, r.invoiceHash, r.completionDate,
                    r.actualExpenditureFen, r.requestedFen, r.voucherAmountFen, r.enterpriseShareFen,
                    r.payee.name(), r.payeeUscc, r.status().name(), r.policyVersion, r.filedAt, r.relationDeclared,
                    r.trimmedBy == null ? null : r.trimmedBy.name(),
                    at, r.voucherAmountFen, r.budgetYear, v.id, r.policyVersion, r.voucherAmountFen);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // the invoice's unique index (P3)
                throw ProblemException.conflict("invoice-already-redeemed", r.invoiceNo);
            }
            throw new IllegalStateException("a guarded write of a filing failed", e);
        }
    }

    /** A provider's state and categories as the guarded write compares them; {@code null} when there is none. */
    private static String standing(String state, String categories) {
        return state == null ? null : state + "|" + (categories == null ? "" : categories);
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            // a null is sent without a type: the column or the comparison it meets gives it one
            s.setObject(i + 1, params[i]);
        }
    }

    /** Runs a guarded write; returns the rows it wrote (or the count its final SELECT gives). */
    private int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
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

    /**
     * A guarded write found a fact of its decision changed by a concurrent step: it wrote nothing and the step is
     * decided again on fresh facts, where the other step's outcome gives the answer (e.g. already paid: 409). The
     * facts only move forward, so this ends; a step still losing after {@link #MAX_ROUNDS} rounds is a fault.
     */
    static void lostRace(String what, int attempt) {
        if (attempt >= MAX_ROUNDS) {
            throw new IllegalStateException(what + " changed under " + attempt + " decisions in a row");
        }
    }
}
