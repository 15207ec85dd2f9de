package org.yrd.voucher.hub.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.routing.Routing;

/** Data aggregation (P8, P10, P11): every voucher and redemption transition, stored once. */
@ApplicationScoped
public class Aggregation {
    private static final Set<String> LIVE = Set.of("FILED", "PROVIDER_CONFIRMED", "APPROVED", "PAID");

    private final EntityManager em;
    private final Provenance provenance;
    private final Routing routing;

    Aggregation(EntityManager em, Provenance provenance, Routing routing) {
        this.em = em;
        this.provenance = provenance;
        this.routing = routing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void usage(CloudEvent e) {
        switch (e.type()) {
            case EventTypes.VOUCHER_ISSUED, EventTypes.VOUCHER_EXPIRED -> voucher(e, EventCodec.data(e, Payloads.VoucherUsage.class));
            case EventTypes.REDEMPTION_TRANSITION -> redemption(e, EventCodec.data(e, Payloads.RedemptionUsage.class));
            case EventTypes.LEDGER_SNAPSHOT -> snapshot(e, EventCodec.data(e, Payloads.LedgerSnapshot.class));
            default -> provenance.refuse(e, "unknown usage event type");
        }
    }

    private void voucher(CloudEvent e, Payloads.VoucherUsage v) {
        if (!provenance.from(e, v.province(), "voucher " + v.voucherId())) {
            return;
        }
        insert(e, v.province(), v.voucherId(), null, v.amountFen(), v.budgetYear(), null, null, null, null, v.at());
    }

    private void redemption(CloudEvent e, Payloads.RedemptionUsage r) {
        if (!provenance.from(e, r.province(), "redemption " + r.redemptionId())) {
            return;
        }
        insert(e, r.province(), r.redemptionId(), r.status(), r.voucherAmountFen(), r.budgetYear(), r.category(),
                r.providerUscc(), r.providerProvince(), r.filedAt(), r.at());
        em.createNativeQuery("""
                        INSERT INTO redemption_state (redemption_id, province, provider_uscc, provider_province, category,
                          status, voucher_amount_fen, budget_year, filed_at, paid_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        ON CONFLICT (redemption_id) DO UPDATE SET status = excluded.status,
                          paid_at = coalesce(excluded.paid_at, redemption_state.paid_at), updated_at = excluded.updated_at
                        WHERE redemption_state.updated_at <= excluded.updated_at""")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.province())
                .setParameter(3, r.providerUscc()).setParameter(4, r.providerProvince()).setParameter(5, r.category())
                .setParameter(6, r.status()).setParameter(7, r.voucherAmountFen()).setParameter(8, r.budgetYear())
                .setParameter(9, utc(r.filedAt())).setParameter(10, "PAID".equals(r.status()) ? utc(r.at()) : null)
                .setParameter(11, utc(r.at())).executeUpdate();
        boolean live = LIVE.contains(r.status());
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
    }

    private void insert(CloudEvent e, String province, String aggregateId, String status, long amountFen,
                        Integer budgetYear, String category, String providerUscc, String providerProvince,
                        java.time.Instant filedAt, java.time.Instant at) {
        em.createNativeQuery("""
                        INSERT INTO usage_event (event_id, type, province, aggregate_id, status, amount_fen, budget_year,
                          category, provider_uscc, provider_province, filed_at, at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(e.id())).setParameter(2, e.type()).setParameter(3, province)
                .setParameter(4, aggregateId).setParameter(5, status).setParameter(6, amountFen)
                .setParameter(7, budgetYear).setParameter(8, category).setParameter(9, providerUscc)
                .setParameter(10, providerProvince).setParameter(11, utc(filedAt)).setParameter(12, utc(at))
                .executeUpdate();
    }

    private static OffsetDateTime utc(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
