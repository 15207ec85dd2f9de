package org.yrd.voucher.hub.statistics;

import org.yrd.voucher.hub.witness.AuditHeads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.routing.Routing;

/** Data aggregation (P8, P10, P11): every voucher and redemption transition, stored once. */
@ApplicationScoped
public class Aggregation {
    private final EntityManager em;
    private final Provenance provenance;
    private final Routing routing;

    private final AuditHeads auditHeads;

    Aggregation(EntityManager em, Provenance provenance, Routing routing, AuditHeads auditHeads) {
        this.auditHeads = auditHeads;
        this.em = em;
        this.provenance = provenance;
        this.routing = routing;
    }

    /** Rows a batch of usage events adds, written together by {@link #write()}: one round trip per table. */
    public final class Rows {
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> states = new ArrayList<>();

        private Rows() {}

        /** Writes the queued rows, in the order queued, in the caller's transaction. */
        public void write() {
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

    public Rows rows() {
        return new Rows();
    }

    /** Applies one usage event; its rows join {@code rows}, which the caller writes before commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void usage(CloudEvent e, Rows rows) {
        switch (e.type()) {
            case EventTypes.VOUCHER_ISSUED, EventTypes.VOUCHER_EXPIRED ->
                    voucher(e, EventCodec.data(e, Payloads.VoucherUsage.class), rows);
            case EventTypes.REDEMPTION_TRANSITION ->
                    redemption(e, EventCodec.data(e, Payloads.RedemptionUsage.class), rows);
            case EventTypes.LEDGER_SNAPSHOT -> snapshot(e, EventCodec.data(e, Payloads.LedgerSnapshot.class));
            default -> provenance.refuse(e, "unknown usage event type");
        }
    }

    private void voucher(CloudEvent e, Payloads.VoucherUsage v, Rows rows) {
        if (!provenance.from(e, v.province(), "voucher " + v.voucherId())) {
            return;
        }
        rows.events.add(event(e, v.province(), v.voucherId(), null, v.amountFen(), v.budgetYear(), null, null, null,
                null, v.at()));
    }

    private void redemption(CloudEvent e, Payloads.RedemptionUsage r, Rows rows) {
        if (!provenance.from(e, r.province(), "redemption " + r.redemptionId())) {
            return;
        }
        rows.events.add(event(e, r.province(), r.redemptionId(), r.status(), r.voucherAmountFen(), r.budgetYear(),
                r.category(), r.providerUscc(), r.providerProvince(), r.filedAt(), r.at()));
        rows.states.add(new Object[] {UUID.fromString(r.redemptionId()), r.province(), r.providerUscc(),
                r.providerProvince(), r.category(), r.status(), r.voucherAmountFen(), r.budgetYear(), utc(r.filedAt()),
                States.PAID.equals(r.status()) ? utc(r.at()) : null, utc(r.at())});
        boolean live = States.LIVE.contains(r.status());
        // a live cross-region redemption's invoice is recorded by Routing when its request arrives; this stream
        // only ends it, so the two consumers do not wait on each other's row locks
        if (!live || r.province().equals(r.providerProvince())) {
            routing.seen(r.invoiceHash(), UUID.fromString(r.redemptionId()), r.province(), live);
        }
    }

    private void snapshot(CloudEvent e, Payloads.LedgerSnapshot s) {
        if (!provenance.from(e, s.province(), "a ledger snapshot")) {
            return;
        }
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
        if (s.auditSeq() != null && s.auditHash() != null) {
            auditHeads.keep(s.province(), s.auditSeq(), s.auditHash());
        }
    }

    private static final String INSERT_EVENT = """
            INSERT INTO usage_event (event_id, type, province, aggregate_id, status, amount_fen, budget_year,
              category, provider_uscc, provider_province, filed_at, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    /** The latest state of each redemption; an older transition arriving late does not overwrite a newer one. */
    private static final String UPSERT_STATE = """
            INSERT INTO redemption_state (redemption_id, province, provider_uscc, provider_province, category,
              status, voucher_amount_fen, budget_year, filed_at, paid_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (redemption_id) DO UPDATE SET status = excluded.status,
              paid_at = coalesce(excluded.paid_at, redemption_state.paid_at), updated_at = excluded.updated_at
            WHERE redemption_state.updated_at <= excluded.updated_at""";

    private static Object[] event(CloudEvent e, String province, String aggregateId, String status, long amountFen,
                                  Integer budgetYear, String category, String providerUscc, String providerProvince,
                                  java.time.Instant filedAt, java.time.Instant at) {
        return new Object[] {UUID.fromString(e.id()), e.type(), province, aggregateId, status, amountFen, budgetYear,
                category, providerUscc, providerProvince, utc(filedAt), utc(at)};
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

    private static OffsetDateTime utc(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
