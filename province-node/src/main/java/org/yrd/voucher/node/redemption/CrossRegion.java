package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.common.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.provider.Providers;

/**
 * Cross-region redemption (P7, P9, P14). On the provider's node: requests from other provinces, which this
 * province's provider confirms or disputes after its standing is checked again. On the issuing node: the
 * provider's answer, or the hub's refusal, applied to the redemption filed here.
 */
@ApplicationScoped
public class CrossRegion {
    private static final Logger LOG = Logger.getLogger(CrossRegion.class);

    private final EntityManager em;
    private final Clock clock;
    private final Outbox outbox;
    private final Providers providers;
    private final RedemptionService redemptions;
    private final NodeConfig config;

    CrossRegion(EntityManager em, Clock clock, Outbox outbox, Providers providers, RedemptionService redemptions,
                NodeConfig config) {
        this.em = em;
        this.clock = clock;
        this.outbox = outbox;
        this.providers = providers;
        this.redemptions = redemptions;
        this.config = config;
    }

    /** What the provider sees of a request from another province: no invoice number, only its keyed hash. */
    public record Incoming(UUID id, String issuingProvince, String providerUscc, String enterpriseUscc,
                           String enterpriseName, String category, String contractNo, String invoiceHash,
                           long actualExpenditureFen, long voucherAmountFen, java.time.LocalDate completionDate,
                           OffsetDateTime filedAt, String status, OffsetDateTime answeredAt, String reason) {}

    /** Where a request from another province stands on the provider's node; its answer is one of the last two. */
    public enum IncomingStatus { REQUESTED, CONFIRMED, DISPUTED }

    // ---- on the provider's node

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(Payloads.CrossRegionRequest r) {
        // one round trip: whether the invoice is already being redeemed here, and the request recorded
        Object[] outcome = (Object[]) em.createNativeQuery("""
                        WITH received AS (
                          INSERT INTO incoming_redemption (id, issuing_province, provider_uscc, enterprise_uscc,
                            enterprise_name, category, contract_no, invoice_hash, actual_expenditure_fen,
                            voucher_amount_fen, completion_date, filed_at, received_at, status)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                          ON CONFLICT DO NOTHING RETURNING 1)
                        SELECT EXISTS (SELECT 1 FROM received),
                               EXISTS (SELECT 1 FROM redemption WHERE invoice_hash = ?8
                                         AND status = ANY(cast(?15 AS varchar[])))
                            OR EXISTS (SELECT 1 FROM incoming_redemption WHERE invoice_hash = ?8 AND id <> ?1
                                         AND status = ANY(cast(?16 AS varchar[])))""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("incoming_redemption")
                .addSynchronizedQuerySpace("redemption")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.issuingProvince())
                .setParameter(3, r.providerUscc()).setParameter(4, r.enterpriseUscc()).setParameter(5, r.enterpriseName())
                .setParameter(6, r.category()).setParameter(7, r.contractNo()).setParameter(8, r.invoiceHash())
                .setParameter(9, r.actualExpenditureFen()).setParameter(10, r.voucherAmountFen())
                .setParameter(11, r.completionDate()).setParameter(12, r.filedAt().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(13, OffsetDateTime.now(clock)).setParameter(14, IncomingStatus.REQUESTED.name())
                .setParameter(15, States.sql(States.LIVE)).setParameter(16, States.sql(States.REQUEST_LIVE))
                .getSingleResult();
        boolean inserted = (Boolean) outcome[0];
        boolean invoiceLive = (Boolean) outcome[1];
        if (inserted && invoiceLive) {
            // the same invoice is already being redeemed here: answer at once, no provider action needed
            answer(UUID.fromString(r.redemptionId()), IncomingStatus.DISPUTED, "invoice already redeemed in " + config.province());
        } else if (inserted && config.federation().autoConfirm()) {
            providers.requireInGoodStanding(providers.require(r.providerUscc()));
            answer(UUID.fromString(r.redemptionId()), IncomingStatus.CONFIRMED, "auto-confirmed (load test)");
        }
    }

    @Transactional
    public Incoming confirm(String providerUscc, UUID id) {
        lockRequested(providerUscc, id);
        providers.requireInGoodStanding(providers.require(providerUscc)); // P5, P13: checked again now
        answer(id, IncomingStatus.CONFIRMED, null);
        return incoming(id);
    }

    @Transactional
    public Incoming dispute(String providerUscc, UUID id, String reason) {
        lockRequested(providerUscc, id);
        answer(id, IncomingStatus.DISPUTED, reason);
        return incoming(id);
    }

    /** Records the provider's answer and sends it to the hub, in one round trip for the row. */
    private void answer(UUID id, IncomingStatus answer, String reason) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        UPDATE incoming_redemption SET status = ?1, answered_at = ?2, reason = ?3 WHERE id = ?4
                        RETURNING issuing_province, provider_uscc""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("incoming_redemption")
                .setParameter(1, answer.name()).setParameter(2, OffsetDateTime.now(clock)).setParameter(3, reason)
                .setParameter(4, id).getSingleResult();
        outbox.publish(Topics.HUB_REQUESTS, id.toString(), EventTypes.REDEMPTION_PROVIDER_ANSWERED,
                new Payloads.ProviderAnswer(id.toString(), (String) row[0], config.province().name(), (String) row[1],
                        answer.name(), reason, clock.instant()));
    }

    private void lockRequested(String providerUscc, UUID id) {
        UsccParam.require("uscc", providerUscc);
        List<?> status = em.createNativeQuery(
                        "SELECT status FROM incoming_redemption WHERE id = ?1 AND provider_uscc = ?2 FOR UPDATE")
                .setParameter(1, id).setParameter(2, providerUscc).getResultList();
        if (status.isEmpty()) {
            throw ProblemException.notFound("redemption", id);
        }
        if (!IncomingStatus.REQUESTED.name().equals(status.get(0))) {
            throw ProblemException.conflict("illegal-redemption-transition", id, status.get(0), "answered");
        }
    }

    /** A page of this provider's requests from other provinces, oldest first, optionally only those in one state. */
    public List<Incoming> incomingFor(String providerUscc, IncomingStatus status, Paging page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + INCOMING_COLUMNS + """
                         FROM incoming_redemption WHERE provider_uscc = ?1 AND (?2 = '' OR status = ?2)
                        ORDER BY received_at, id LIMIT ?3 OFFSET ?4""")
                .setParameter(1, providerUscc).setParameter(2, status == null ? "" : status.name())
                .setParameter(3, page.limit()).setParameter(4, page.offset()).getResultList();
        return rows.stream().map(CrossRegion::incoming).toList();
    }

    Incoming incoming(UUID id) {
        return incoming((Object[]) em.createNativeQuery(
                        "SELECT " + INCOMING_COLUMNS + " FROM incoming_redemption WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private static final String INCOMING_COLUMNS = """
            id, issuing_province, provider_uscc, enterprise_uscc, enterprise_name, category, contract_no, invoice_hash,
            actual_expenditure_fen, voucher_amount_fen, completion_date, filed_at, status, answered_at, reason""";

    private static Incoming incoming(Object[] r) {
        return new Incoming((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], ((Number) r[8]).longValue(), ((Number) r[9]).longValue(),
                r[10] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[10],
                toOffset(r[11]), (String) r[12], toOffset(r[13]), (String) r[14]);
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    // ---- on the issuing node

    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(Payloads.ProviderAnswer a) {
        Redemption r = redemptions.lock(UUID.fromString(a.redemptionId()));
        if (r.status != RedemptionStatus.FILED) {
            LOG.infof("answer for redemption %s arrived in state %s (e.g. after its timeout); ignored", r.id, r.status);
            return;
        }
        if (IncomingStatus.CONFIRMED.name().equals(a.answer())) {
            redemptions.providerConfirmed(r);
        } else {
            redemptions.end(r, RedemptionStatus.DISPUTED, null, a.reason());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refusedByHub(Payloads.HubRefusal refusal) {
        Redemption r = redemptions.lock(UUID.fromString(refusal.redemptionId()));
        if (r.status == RedemptionStatus.FILED) {
            redemptions.end(r, RedemptionStatus.REJECTED, refusal.code(), refusal.reason());
        }
    }
}
