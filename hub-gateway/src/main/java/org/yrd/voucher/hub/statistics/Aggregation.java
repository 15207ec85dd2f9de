package org.yrd.voucher.hub.statistics;

import static org.yrd.voucher.edge.TimeSource.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;

/**
 * Data aggregation (P8, P10, P11): every voucher and redemption transition and every ledger snapshot, stored once in
 * the statistics' own tables ({@code usage_event}, {@code redemption_state}, {@code ledger_snapshot}); the rollups the
 * dashboard reads follow by trigger. It writes nothing of another feature's: what a transition means to routing, risk
 * or the registry, each of them takes from the usage stream itself ({@code HubConsumers}).
 */
@ApplicationScoped
public class Aggregation {
    private final EntityManager em;

    Aggregation(EntityManager em) {
        this.em = em;
    }

    /**
     * A transaction's usage events: each applied in order, the rows they add written together by {@link #finish()},
     * one round trip per table.
     */
    public final class Rows implements Route.Batch {
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> states = new ArrayList<>();

        private Rows() {}

        @Override
        public void apply(CloudEvent e, Object payload) {
            if (payload instanceof Payloads.VoucherUsage v) {
                voucher(e, v, this);
            } else if (payload instanceof Payloads.RedemptionUsage r) {
                redemption(e, r, this);
            } else if (payload instanceof Payloads.LedgerSnapshot s) {
                snapshot(e, s);
            }
        }

        /** Writes the queued rows, in the order queued, in the caller's transaction. */
        @Override
        public void finish() {
            if (events.isEmpty()) {
                return;
            }
            em.flush();
            em.unwrap(Session.class).doWork(c -> {
                batch(c, INSERT_EVENT, events);
                batch(c, UPSERT_STATE, states);
            });
            events.clear();
            states.clear();
        }
    }

    /** The usage stream's types this feature stores (P8), written a transaction at a time. */
    public Route subscribe(Route usage) {
        return usage.accepts(EventTypes.VOUCHER_ISSUED, Payloads.VoucherUsage.class)
                .accepts(EventTypes.VOUCHER_EXPIRED, Payloads.VoucherUsage.class)
                .accepts(EventTypes.REDEMPTION_TRANSITION, Payloads.RedemptionUsage.class)
                .accepts(EventTypes.LEDGER_SNAPSHOT, Payloads.LedgerSnapshot.class)
                // a transition replayed after the inbox forgot it (retention) is applied by no feature: applied once
                // already, it would take an ended redemption's invoice again or flag its contract again (P13)
                .remembers(EventTypes.REDEMPTION_TRANSITION, this::appliedBefore)
                .batches(Rows::new);
    }

    private void voucher(CloudEvent e, Payloads.VoucherUsage v, Rows rows) {
        Provenance.require(e, v.province(), "voucher " + v.voucherId());
        rows.events.add(event(e, v.province(), v.voucherId(), null, v.amountFen(), v.budgetYear(), null, null, null,
                null, v.at(), v.districtCode()));
    }

    private void redemption(CloudEvent e, Payloads.RedemptionUsage r, Rows rows) {
        Provenance.require(e, r.province(), "redemption " + r.redemptionId());
        rows.events.add(event(e, r.province(), r.redemptionId(), r.status(), r.voucherAmountFen(), r.budgetYear(),
                r.category(), r.providerUscc(), r.providerProvince(), r.filedAt(), r.at(), r.districtCode()));
        rows.states.add(new Object[] {UUID.fromString(r.redemptionId()), r.province(), r.providerUscc(),
                r.providerProvince(), r.category(), r.status(), r.voucherAmountFen(), r.budgetYear(), utc(r.filedAt()),
                States.PAID.equals(r.status()) ? utc(r.at()) : null, utc(r.at()), r.enterpriseUscc(), r.districtCode()});
    }

    /** usage_event keeps every transition's id for good, unlike the inbox. */
    boolean appliedBefore(CloudEvent e) {
        return !em.createNativeQuery("SELECT 1 FROM usage_event WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(e.id())).getResultList().isEmpty();
    }

    private void snapshot(CloudEvent e, Payloads.LedgerSnapshot s) {
        Provenance.require(e, s.province(), "a ledger snapshot");
        em.createNativeQuery("""
                        INSERT INTO ledger_snapshot (province, year, budget_fen, issued_fen, held_fen, redeemed_fen,
                          expired_fen, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (province, year) DO UPDATE SET budget_fen = excluded.budget_fen,
                          issued_fen = excluded.issued_fen, held_fen = excluded.held_fen,
                          redeemed_fen = excluded.redeemed_fen, expired_fen = excluded.expired_fen, at = excluded.at
                        WHERE ledger_snapshot.at <= excluded.at""")
                .setParameter(1, s.province()).setParameter(2, s.year()).setParameter(3, s.budgetFen())
                .setParameter(4, s.issuedFen()).setParameter(5, s.heldFen()).setParameter(6, s.redeemedFen())
                .setParameter(7, s.expiredFen()).setParameter(8, utc(s.at())).executeUpdate();
    }

    private static final String INSERT_EVENT = """
            INSERT INTO usage_event (event_id, type, province, aggregate_id, status, amount_fen, budget_year,
              category, provider_uscc, provider_province, filed_at, at, district)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    /** The latest state of each redemption; an older transition arriving late does not overwrite a newer one. */
    private static final String UPSERT_STATE = """
            INSERT INTO redemption_state (redemption_id, province, provider_uscc, provider_province, category,
              status, voucher_amount_fen, budget_year, filed_at, paid_at, updated_at, enterprise_uscc, district)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (redemption_id) DO UPDATE SET status = excluded.status,
              paid_at = coalesce(excluded.paid_at, redemption_state.paid_at), updated_at = excluded.updated_at
            WHERE redemption_state.updated_at <= excluded.updated_at""";

    private static Object[] event(CloudEvent e, String province, String aggregateId, String status, long amountFen,
                                  Integer budgetYear, String category, String providerUscc, String providerProvince,
                                  java.time.Instant filedAt, java.time.Instant at, String district) {
        return new Object[] {UUID.fromString(e.id()), e.type(), province, aggregateId, status, amountFen, budgetYear,
                category, providerUscc, providerProvince, utc(filedAt), utc(at), district};
    }

    /** One JDBC batch: the driver sends all rows in one round trip. */
    private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        ps.setNull(i + 1, Types.NULL);
                    } else {
                        ps.setObject(i + 1, row[i]);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

}
