package org.yrd.voucher.node.voucher;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionImplementor;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.policy.BudgetYears;
import org.yrd.voucher.policy.ApplicationRules;
import org.yrd.voucher.policy.Pool;
import org.yrd.voucher.policy.RecipientType;

/**
 * Vouchers and applications in the database: the one owner of the {@code voucher}, {@code voucher_application},
 * {@code enterprise_year} and {@code budget_share} figures. Caps and budgets are taken by conditional updates,
 * so that no interleaving of requests can go past them.
 */
@ApplicationScoped
public class Vouchers {
    private final EntityManager em;
    private final AgroalDataSource db;

    Vouchers(EntityManager em, AgroalDataSource db) {
        this.em = em;
        this.db = db;
    }

    /** An applicant as its application is decided: under its row lock, one application of it at a time (P6, P16). */
    record Applicant(String uscc, RecipientType recipientType, String districtCode) {}

    /** The enterprise under its row lock; 404 if it is not registered. Plain JDBC, in the caller's transaction. */
    Applicant lockApplicant(String uscc) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT recipient_type, district_code FROM enterprise WHERE uscc = ? FOR UPDATE")) {
            s.setString(1, uscc);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("enterprise", uscc);
                }
                return new Applicant(uscc, RecipientType.valueOf(row.getString(1)), row.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("locking enterprise " + uscc, e);
        }
    }

    /** A pending application under its row lock, with its applicant under theirs; 404 if unknown, 409 if decided. */
    record Pending(VoucherApplication application, Applicant applicant) {}

    Pending lockPendingWithApplicant(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.enterprise_uscc, a.amount_fen, a.status, a.policy_version, a.filed_at, a.draw_id,
                       e.recipient_type, e.district_code
                FROM voucher_application a JOIN enterprise e ON e.uscc = a.enterprise_uscc WHERE a.id = ? FOR UPDATE""")) {
            s.setObject(1, id);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("application", id);
                }
                VoucherApplication a = new VoucherApplication();
                a.id = id;
                a.enterpriseUscc = row.getString(1);
                a.amountFen = row.getLong(2);
                a.status = VoucherApplication.Status.valueOf(row.getString(3));
                a.policyVersion = row.getInt(4);
                a.filedAt = row.getObject(5, OffsetDateTime.class);
                a.drawId = row.getObject(6, UUID.class);
                if (a.status != VoucherApplication.Status.PENDING) {
                    throw ProblemException.conflict("application-already-decided", id, a.status);
                }
                return new Pending(a, new Applicant(a.enterpriseUscc, RecipientType.valueOf(row.getString(7)),
                        row.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("locking application " + id, e);
        }
    }

    /** What an issue took, in the order it takes them: the annual cap (P6), then a share of the budget alone. */
    record Taken(boolean annualCap, boolean budgetShare) {}

    /**
     * Issues {@code v} for application {@code a} in one statement (plain JDBC, the caller's transaction): the
     * application as decided (inserted when {@code filed}, else its pending row updated), the enterprise's annual cap
     * and a share of the year's budget each taken by a conditional update (P6), the voucher and its ledger entry. A
     * share is taken only if one not held by another transaction has room alone (as {@link #takeBudget}); when none
     * does, the caller takes the budget the slow way. The caller refuses (and so rolls back all of it) when the cap
     * was not taken.
     */
    Taken issue(VoucherApplication a, boolean filed, Voucher v, long annualCapFen, OffsetDateTime at) {
        String app = filed ? """
                INSERT INTO voucher_application (id, enterprise_uscc, amount_fen, status, policy_version, filed_at,
                  decided_at, decided_by, decision_code, decision_reason, voucher_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" : """
                UPDATE voucher_application SET status = ?, policy_version = ?, decided_at = ?, decided_by = ?,
                  decision_code = ?, decision_reason = ?, voucher_id = ?
                WHERE id = ? AND status = 'PENDING'""";
        String sql = """
                WITH cap AS (INSERT INTO enterprise_year AS y (uscc, year, issued_fen) SELECT ?, ?, ? WHERE ? <= ?
                             ON CONFLICT (uscc, year) DO UPDATE SET issued_fen = y.issued_fen + excluded.issued_fen
                             WHERE y.issued_fen + excluded.issued_fen <= ? RETURNING 1),
                     budget AS (UPDATE budget_share SET issued_fen = issued_fen + ?
                                WHERE year = ? AND issued_fen + ? <= budget_fen
                                  AND shard = (SELECT shard FROM budget_share WHERE year = ? AND issued_fen + ? <= budget_fen
                                               ORDER BY (shard + ?) % ? LIMIT 1 FOR UPDATE SKIP LOCKED)
                                RETURNING 1),
                     app AS (APPLICATION),
                     v AS (INSERT INTO voucher (id, enterprise_uscc, district_code, pools, application_id, budget_year,
                             face_value_fen, status, issued_on, expires_on, policy_version)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id),
                     l AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, policy_version)
                           SELECT ?, 'ISSUE', ?, ?, v.id, ? FROM v)
                SELECT (SELECT count(*) FROM cap), (SELECT count(*) FROM budget)""".replace("APPLICATION", app);
        int from = java.util.concurrent.ThreadLocalRandom.current().nextInt(BudgetYears.SHARES);
        List<Object> params = new java.util.ArrayList<>(List.of(a.enterpriseUscc, v.budgetYear, a.amountFen,
                a.amountFen, annualCapFen, annualCapFen,
                a.amountFen, v.budgetYear, a.amountFen, v.budgetYear, a.amountFen, from, BudgetYears.SHARES));
        params.addAll(filed
                ? java.util.Arrays.asList(a.id, a.enterpriseUscc, a.amountFen, a.status.name(), a.policyVersion,
                        a.filedAt, a.decidedAt, a.decidedBy, a.decisionCode, a.decisionReason, a.voucherId)
                : java.util.Arrays.asList(a.status.name(), a.policyVersion, a.decidedAt, a.decidedBy, a.decisionCode,
                        a.decisionReason, a.voucherId, a.id));
        params.addAll(java.util.Arrays.asList(v.id, v.enterpriseUscc, v.districtCode, v.pools, v.applicationId,
                v.budgetYear, v.faceValueFen, v.status.name(), v.issuedOn, v.expiresOn, v.policyVersion,
                at, v.faceValueFen, v.budgetYear, v.policyVersion));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i)); // a null takes the type of the column it meets
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new Taken(row.getInt(1) == 1, row.getInt(2) == 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("issuing a voucher for application " + a.id, e);
        }
    }

    /** Files an application left for an operator (plain JDBC, the caller's transaction). */
    void filed(VoucherApplication a) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO voucher_application (id, enterprise_uscc, amount_fen, status, policy_version, filed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, a.id);
            s.setString(2, a.enterpriseUscc);
            s.setLong(3, a.amountFen);
            s.setString(4, a.status.name());
            s.setInt(5, a.policyVersion);
            s.setObject(6, a.filedAt);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("filing application " + a.id, e);
        }
    }

    /**
     * The voucher under its row lock, with the state read under that lock; {@code null} if there is none. Not
     * yet in this session, it is read with {@code SELECT … FOR UPDATE} (one round trip). If the session already
     * holds an unlocked copy, that copy is refreshed under the lock, so a concurrent change is never overwritten
     * with stale figures. Once this transaction holds the lock, its copy is the truth: refreshing it again would
     * discard our own unflushed changes (two redemptions of one voucher ended in one run).
     */
    public Voucher lock(UUID id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        Voucher held = (Voucher) session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(Voucher.class)));
        if (held == null) {
            return em.find(Voucher.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (em.getLockMode(held) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(held, LockModeType.PESSIMISTIC_WRITE);
        }
        return held;
    }

    void add(Voucher v) {
        em.persist(v);
    }

    void add(VoucherApplication a) {
        em.persist(a);
    }

    /**
     * An operator's rejection of pending application {@code a} (read under its row lock by
     * {@link #lockPendingWithApplicant}), written only if it is still pending.
     */
    void rejected(VoucherApplication a) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE voucher_application SET status = ?, decided_at = ?, decided_by = ?, decision_code = ?,
                  decision_reason = ?
                WHERE id = ? AND status = 'PENDING'""")) {
            s.setString(1, a.status.name());
            s.setObject(2, a.decidedAt);
            s.setString(3, a.decidedBy);
            s.setString(4, a.decisionCode);
            s.setString(5, a.decisionReason);
            s.setObject(6, a.id);
            if (s.executeUpdate() != 1) {
                throw ProblemException.conflict("application-already-decided", a.id, a.status);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rejecting application " + a.id, e);
        }
    }

    /**
     * Everything the application rules need about the applicant (P1, P6, P13, P16) as one statement: its active
     * vouchers' face value and what is used of it, its issued total this year, the budget left this year, and whether
     * it is listed (P13). Its active vouchers are found by {@code voucher_enterprise_status} (V26), whatever else the
     * province holds ({@code ApplicantFactsTest}).
     */
    static final String APPLICANT_FACTS = """
            SELECT v.face_fen, v.used_fen,
                   (SELECT coalesce(max(issued_fen), 0) FROM enterprise_year WHERE uscc = ? AND year = ?),
                   (SELECT coalesce(max(budget_fen - issued_fen), 0) FROM budget_year_total WHERE year = ?),
                   party_listed(?, ?)
            FROM (SELECT coalesce(sum(face_value_fen), 0) AS face_fen,
                         coalesce(sum(redeemed_fen + held_fen), 0) AS used_fen
                  FROM voucher WHERE enterprise_uscc = ? AND status = 'ACTIVE') v""";

    /** {@link #APPLICANT_FACTS} in one round trip (plain JDBC, the caller's transaction). */
    ApplicationRules.Applicant applicant(Applicant e, LocalDate today) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(APPLICANT_FACTS)) {
            bindApplicantFacts(s, e.uscc(), today);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new ApplicationRules.Applicant(e.recipientType(), e.districtCode(), row.getBoolean(5),
                        row.getLong(3), row.getLong(1), row.getLong(2), row.getLong(4));
            }
        } catch (SQLException x) {
            throw new IllegalStateException("reading applicant " + e.uscc(), x);
        }
    }

    /** The applicant's USCC and today in the places {@link #APPLICANT_FACTS} asks for them. */
    static void bindApplicantFacts(PreparedStatement s, String uscc, LocalDate today) throws SQLException {
        s.setString(1, uscc);
        s.setInt(2, today.getYear());
        s.setInt(3, today.getYear());
        s.setString(4, uscc);
        s.setObject(5, today);
        s.setString(6, uscc);
    }

    /** P6: takes {@code amountFen} of the enterprise's annual cap, or nothing if the cap would be passed. */
    boolean takeAnnualCap(String uscc, int year, long amountFen, long capFen) {
        return em.createNativeQuery("""
                        INSERT INTO enterprise_year AS y (uscc, year, issued_fen) SELECT ?2, ?3, ?1 WHERE ?1 <= ?4
                        ON CONFLICT (uscc, year) DO UPDATE SET issued_fen = y.issued_fen + excluded.issued_fen
                        WHERE y.issued_fen + excluded.issued_fen <= ?4""")
                .setParameter(1, amountFen).setParameter(2, uscc).setParameter(3, year)
                .setParameter(4, capFen).executeUpdate() == 1;
    }

    /**
     * What is left of the year's budget ({@link org.yrd.voucher.policy.Draw#PROVINCE}) and of each of its pools
     * (P10), locked until the transaction ends: a draw allocates exactly this.
     */
    java.util.Map<String, Long> budgetsLeft(int year) {
        java.util.Map<String, Long> left = new java.util.LinkedHashMap<>();
        Object province = em.createNativeQuery("""
                        SELECT coalesce(sum(left_fen), 0) FROM (SELECT budget_fen - issued_fen AS left_fen FROM budget_share
                                                                WHERE year = ?1 ORDER BY shard FOR UPDATE) s""")
                .setParameter(1, year).getSingleResult();
        left.put(org.yrd.voucher.policy.Draw.PROVINCE, ((Number) province).longValue());
        List<?> pools = em.createNativeQuery("SELECT code, budget_fen - issued_fen FROM pool_year WHERE year = ?1 "
                + "ORDER BY code FOR UPDATE").setParameter(1, year).getResultList();
        for (Object o : pools) {
            Object[] r = (Object[]) o;
            left.put((String) r[0], ((Number) r[1]).longValue());
        }
        return left;
    }

    /** P10: the pool's row for the year, created with the policy's budget for it the first time it is drawn from. */
    void ensurePool(int year, Pool pool) {
        em.createNativeQuery("""
                        INSERT INTO pool_year (year, code, name, budget_fen) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (year, code) DO NOTHING""")
                .setParameter(1, year).setParameter(2, pool.code()).setParameter(3, pool.name())
                .setParameter(4, pool.annualBudgetFen()).executeUpdate();
    }

    /** What is left of a pool this year (its budget when nothing was drawn from it yet). */
    long poolLeft(int year, Pool pool) {
        List<?> rows = em.createNativeQuery("SELECT budget_fen - issued_fen FROM pool_year WHERE year = ?1 AND code = ?2")
                .setParameter(1, year).setParameter(2, pool.code()).getResultList();
        return rows.isEmpty() ? pool.annualBudgetFen() : ((Number) rows.get(0)).longValue();
    }

    /** P10: takes {@code amountFen} of a pool, or nothing if the pool would be passed. */
    boolean takePool(int year, String code, long amountFen) {
        em.flush();
        return em.createNativeQuery("""
                        UPDATE pool_year SET issued_fen = issued_fen + ?1
                        WHERE year = ?2 AND code = ?3 AND issued_fen + ?1 <= budget_fen""")
                .setParameter(1, amountFen).setParameter(2, year).setParameter(3, code).executeUpdate() == 1;
    }

    /**
     * Takes {@code amountFen} of the year's budget, or nothing if the budget would be passed (P6). A share with room
     * that no other transaction holds, looked for from a random one on, gives it by a conditional update, so that
     * concurrent issues rarely wait for one another's commit; it never waits for a busy share. When every share with
     * room is busy, or none has room alone, the year's shares are locked in order and give what they have between
     * them. No share goes beyond its part (the database refuses it) and the year's budget is exact. A share whose room
     * another transaction took between this statement's snapshot and its lock stays locked though skipped
     * (PostgreSQL keeps the lock of a row whose re-check failed), so two transactions on the ordered way can each hold
     * a share the other waits for: PostgreSQL then rolls one back as a deadlock's victim, and the request is decided
     * again ({@code Idempotency.once}; {@code DeadlockVictimTest}).
     */
    boolean takeBudget(int year, long amountFen) {
        em.flush();
        int from = java.util.concurrent.ThreadLocalRandom.current().nextInt(BudgetYears.SHARES);
        if (em.createNativeQuery("""
                        UPDATE budget_share SET issued_fen = issued_fen + ?1
                        WHERE year = ?2 AND issued_fen + ?1 <= budget_fen
                          AND shard = (SELECT shard FROM budget_share WHERE year = ?2 AND issued_fen + ?1 <= budget_fen
                                       ORDER BY (shard + ?3) % ?4 LIMIT 1 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, amountFen).setParameter(2, year).setParameter(3, from)
                .setParameter(4, BudgetYears.SHARES).executeUpdate() == 1) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> shares = em.createNativeQuery("""
                        SELECT shard, budget_fen - issued_fen FROM budget_share WHERE year = ?1 ORDER BY shard FOR UPDATE""")
                .setParameter(1, year).getResultList();
        StringBuilder taken = new StringBuilder();
        long wanted = amountFen;
        for (Object[] s : shares) {
            long take = Math.min(wanted, ((Number) s[1]).longValue());
            if (take > 0) {
                taken.append(taken.isEmpty() ? "" : ",").append("(").append(((Number) s[0]).intValue()).append(",")
                        .append(take).append(")");
                wanted -= take;
            }
        }
        if (wanted > 0) {
            return false;
        }
        em.createNativeQuery("UPDATE budget_share b SET issued_fen = b.issued_fen + t.take FROM (VALUES " + taken
                        + ") AS t(shard, take) WHERE b.year = ?1 AND b.shard = t.shard")
                .setParameter(1, year).executeUpdate();
        return true;
    }

    /** Active vouchers past their validity, locked; a busy voucher is skipped and waits for the next run. */
    List<Voucher> lockDueForExpiry(LocalDate today, int max) {
        return em.createQuery("from Voucher where status = :s and expiresOn < :today order by expiresOn", Voucher.class)
                .setParameter("s", Voucher.Status.ACTIVE).setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(max).getResultList();
    }

    public List<Voucher> ofEnterprise(String uscc) {
        return em.createQuery("from Voucher where enterpriseUscc = ?1 order by issuedOn, id", Voucher.class)
                .setParameter(1, uscc).getResultList();
    }

    public List<VoucherApplication> applicationsOf(String uscc) {
        return em.createQuery("from VoucherApplication where enterpriseUscc = ?1 order by filedAt", VoucherApplication.class)
                .setParameter(1, uscc).getResultList();
    }

    /** One page of the operator's queue of applications to decide, oldest first. */
    public List<VoucherApplication> pendingApplications(ListQuery q, Paging page) {
        return em.createQuery("""
                        from VoucherApplication a where a.status = :status and a.filedAt >= :from and a.filedAt < :before
                          and (:text = '' or a.enterpriseUscc = :code
                               or exists (from Enterprise e where e.uscc = a.enterpriseUscc and e.name ilike :like))
                        order by a.filedAt, a.id""", VoucherApplication.class)
                .setParameter("status", VoucherApplication.Status.PENDING).setParameter("from", q.from())
                .setParameter("before", q.before()).setParameter("text", q.text()).setParameter("code", q.code())
                .setParameter("like", q.like())
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }
}
