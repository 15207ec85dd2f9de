package org.yrd.voucher.hub.statistics;

import static org.yrd.voucher.edge.TimeSource.utc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.publicity.YrdNotices;
import org.yrd.voucher.hub.registry.QualityLibrary;
import org.yrd.voucher.hub.risk.RiskWatch;
import org.yrd.voucher.hub.routing.Routing;
import org.yrd.voucher.hub.witness.AuditHeads;

/** Data aggregation (P8, P10, P11): every voucher and redemption transition, stored once. */
@ApplicationScoped
public class Aggregation {
    private final EntityManager em;
    private final Routing routing;

    private final AuditHeads auditHeads;
    private final RiskWatch risk;
    private final YrdNotices notices;
    private final QualityLibrary quality;

    private final Counter stale;

    Aggregation(EntityManager em, Routing routing, AuditHeads auditHeads, RiskWatch risk,
                YrdNotices notices, QualityLibrary quality, MeterRegistry meters) {
        this.stale = meters.counter("yrd_stale_events_total", "channel", "usage-in"); // as the intake labels its channel
        this.quality = quality;
        this.notices = notices;
        this.risk = risk;
        this.auditHeads = auditHeads;
        this.em = em;
        this.routing = routing;
    }

    /**
     * A batch of usage events: each applied in order, the rows they add written together by {@link #finish()}, one
     * round trip per table.
     */
    public final class Rows implements Route.Batch {
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> states = new ArrayList<>();
        /** Providers paid or rated in the batch: re-examined for the library of high-quality providers (P8). */
        private final java.util.Set<String> providers = new java.util.LinkedHashSet<>();

        private Rows() {}

        @Override
        public void apply(CloudEvent e, Object payload) {
            if (payload instanceof Payloads.VoucherUsage v) {
                voucher(e, v, this);
            } else if (payload instanceof Payloads.RedemptionUsage r) {
                redemption(e, r, this);
            } else if (payload instanceof Payloads.LedgerSnapshot s) {
                snapshot(e, s);
            } else if (payload instanceof Payloads.RiskFlagUsage f) {
                riskFlag(e, f);
            } else if (payload instanceof Payloads.NoticePublished n) {
                notice(e, n);
            } else if (payload instanceof Payloads.RatingGiven r) {
                rating(e, r, this);
            }
        }

        /** Writes the queued rows, in the order queued, in the caller's transaction. */
        @Override
        public void finish() {
            if (events.isEmpty()) {
                quality.reexamine(providers);
                providers.clear();
                return;
            }
            em.flush();
            em.unwrap(Session.class).doWork(c -> {
                batch(c, INSERT_EVENT, events);
                batch(c, UPSERT_STATE, states);
            });
            events.clear();
            states.clear();
            quality.reexamine(providers);
            providers.clear();
        }
    }

    /** The usage stream (P8): the types it carries, applied a batch at a time. */
    public Route route() {
        return Route.from(EventCheck.Origin.NODE)
                .accepts(EventTypes.VOUCHER_ISSUED, Payloads.VoucherUsage.class)
                .accepts(EventTypes.VOUCHER_EXPIRED, Payloads.VoucherUsage.class)
                .accepts(EventTypes.REDEMPTION_TRANSITION, Payloads.RedemptionUsage.class)
                .accepts(EventTypes.LEDGER_SNAPSHOT, Payloads.LedgerSnapshot.class)
                .accepts(EventTypes.RISK_FLAG, Payloads.RiskFlagUsage.class)
                .accepts(EventTypes.NOTICE_PUBLISHED, Payloads.NoticePublished.class)
                .accepts(EventTypes.RATING_GIVEN, Payloads.RatingGiven.class)
                .batches(Rows::new);
    }

    private void voucher(CloudEvent e, Payloads.VoucherUsage v, Rows rows) {
        Provenance.require(e, v.province(), "voucher " + v.voucherId());
        rows.events.add(event(e, v.province(), v.voucherId(), null, v.amountFen(), v.budgetYear(), null, null, null,
                null, v.at(), v.districtCode()));
    }

    private void redemption(CloudEvent e, Payloads.RedemptionUsage r, Rows rows) {
        Provenance.require(e, r.province(), "redemption " + r.redemptionId());
        if (appliedBefore(e)) {
            // a transition replayed after the inbox forgot it (retention): applied once already, it would take an
            // ended redemption's invoice again or flag its contract again (P13)
            stale.increment();
            return;
        }
        rows.events.add(event(e, r.province(), r.redemptionId(), r.status(), r.voucherAmountFen(), r.budgetYear(),
                r.category(), r.providerUscc(), r.providerProvince(), r.filedAt(), r.at(), r.districtCode()));
        rows.states.add(new Object[] {UUID.fromString(r.redemptionId()), r.province(), r.providerUscc(),
                r.providerProvince(), r.category(), r.status(), r.voucherAmountFen(), r.budgetYear(), utc(r.filedAt()),
                States.PAID.equals(r.status()) ? utc(r.at()) : null, utc(r.at()), r.enterpriseUscc(), r.districtCode()});
        if (States.PAID.equals(r.status())) {
            rows.providers.add(r.providerUscc());
        }
        boolean live = States.LIVE.contains(r.status());
        // a live cross-region redemption's invoice is recorded by Routing when its request arrives; this stream
        // only ends it, so the two consumers do not wait on each other's row locks
        if (!live || r.province().equals(r.providerProvince())) {
            routing.seen(r.invoiceHash(), UUID.fromString(r.redemptionId()), r.province(), live);
        }
        risk.transition(r); // P13: contracts compared across provinces
    }

    /** usage_event keeps every transition's id for good, unlike the inbox. */
    private boolean appliedBefore(CloudEvent e) {
        return !em.createNativeQuery("SELECT 1 FROM usage_event WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(e.id())).getResultList().isEmpty();
    }

    private void rating(CloudEvent e, Payloads.RatingGiven r, Rows rows) {
        Provenance.require(e, r.province(), "rating of " + r.redemptionId());
        em.createNativeQuery("""
                        INSERT INTO rating (redemption_id, province, provider_uscc, score, rated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.province())
                .setParameter(3, r.providerUscc()).setParameter(4, r.score()).setParameter(5, utc(r.at()))
                .executeUpdate();
        rows.providers.add(r.providerUscc());
    }

    private void notice(CloudEvent e, Payloads.NoticePublished n) {
        Provenance.require(e, n.province(), "notice " + n.noticeId());
        notices.published(n);
    }

    private void riskFlag(CloudEvent e, Payloads.RiskFlagUsage f) {
        Provenance.require(e, f.province(), "risk flag " + f.flagId());
        risk.flag(f);
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
        if (s.auditSeq() != null && s.auditHash() != null) {
            auditHeads.keep(s.province(), s.auditSeq(), s.auditHash());
        }
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
