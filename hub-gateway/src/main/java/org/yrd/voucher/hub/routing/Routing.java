package org.yrd.voucher.hub.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.EventRefused;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.registry.HubProvider;
import org.yrd.voucher.policy.CrossRegionRules;
import org.yrd.voucher.policy.Refusal;

/**
 * Cross-region redemption routing (P7, P9, P14): checks the invoice against every province and the
 * provider's recognition, then passes the request to the provider's node and the answer back.
 */
@ApplicationScoped
public class Routing {
    private static final Logger LOG = Logger.getLogger(Routing.class);

    private final EntityManager em;
    private final Clock clock;
    private final Outbox outbox;

    Routing(EntityManager em, Clock clock, Outbox outbox) {
        this.em = em;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(CloudEvent e, Payloads.CrossRegionRequest r) {
        Provenance.require(e, r.issuingProvince(), "a redemption filed against its vouchers");
        UUID id = UUID.fromString(r.redemptionId());
        HubProvider p = HubProvider.findById(r.providerUscc());
        CrossRegionRules.Recognition provider = p == null ? CrossRegionRules.Recognition.UNKNOWN
                : new CrossRegionRules.Recognition(p.recognised, p.homeProvince, Set.copyOf(p.recognisedCategories()));
        // invoices travel only as keyed hashes: equal invoices have equal hashes in every province
        CrossRegionRules.Decision decision = CrossRegionRules.decide(id.toString(), r.providerProvince(),
                r.category(), invoiceUses(r.invoiceHash()), provider);
        if (decision instanceof CrossRegionRules.Refuse refuse) {
            refuse(r, refuse.refusal());
            return;
        }
        if (decision instanceof CrossRegionRules.AlreadyEnded) {
            LOG.infof("cross-region request %s not routed: its node has already ended it", id);
            return;
        }
        // recorded: its invoice live under it, the request waiting for the provider's answer
        em.createNativeQuery("""
                        WITH seen AS (
                          INSERT INTO invoice_seen (invoice_hash, redemption_id, province, live, seen_at)
                          VALUES (?1, ?2, ?3, true, ?4) ON CONFLICT DO NOTHING
                        )
                        INSERT INTO cross_region (redemption_id, issuing_province, provider_province,
                          provider_uscc, status, requested_at)
                        VALUES (?2, ?3, ?5, ?6, 'REQUESTED', ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, r.invoiceHash()).setParameter(2, id).setParameter(3, r.issuingProvince())
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, r.providerProvince())
                .setParameter(6, r.providerUscc()).executeUpdate();
        outbox.publish(Topics.nodeInbox(r.providerProvince()), r.redemptionId(),
                EventTypes.REDEMPTION_CONFIRMATION_REQUESTED, r);
    }

    /** Every redemption the hub has seen the invoice under, in any province. */
    private List<CrossRegionRules.InvoiceUse> invoiceUses(String invoiceHash) {
        List<?> rows = em.createNativeQuery("""
                        SELECT cast(redemption_id AS varchar), live FROM invoice_seen WHERE invoice_hash = ?1""")
                .setParameter(1, invoiceHash).getResultList();
        return rows.stream().map(o -> (Object[]) o)
                .map(u -> new CrossRegionRules.InvoiceUse((String) u[0], (Boolean) u[1])).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(CloudEvent e, Payloads.ProviderAnswer a) {
        Provenance.require(e, a.providerProvince(), "an answer for provider " + a.providerUscc());
        UUID id = UUID.fromString(a.redemptionId());
        if (!States.CONFIRMED.equals(a.answer()) && !States.ANSWER_DISPUTED.equals(a.answer())) {
            throw new EventRefused(EventCheck.Reason.PAYLOAD, "answer must be CONFIRMED or DISPUTED");
        }
        // the answer is recorded only for a request routed to that provider's province and still waiting for it,
        // in one round trip: a second answer (DISPUTED after CONFIRMED) would free an invoice already paid
        String issuingProvince = (String) em.createNativeQuery("""
                        UPDATE cross_region SET status = ?1, answered_at = ?2 WHERE redemption_id = ?3
                          AND provider_province = ?4 AND provider_uscc = ?5 AND status = ?6 RETURNING issuing_province""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("cross_region")
                .setParameter(1, a.answer()).setParameter(2, OffsetDateTime.now(clock)).setParameter(3, id)
                .setParameter(4, a.providerProvince()).setParameter(5, a.providerUscc()).setParameter(6, States.REQUESTED)
                .getResultStream().findFirst().orElse(null);
        if (issuingProvince == null) {
            refuseAnswer(id, a);
            return; // the same answer again: already passed on
        }
        if (!"CONFIRMED".equals(a.answer())) {
            em.createNativeQuery("UPDATE invoice_seen SET live = false WHERE redemption_id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
        outbox.publish(Topics.nodeInbox(issuingProvince), a.redemptionId(), EventTypes.REDEMPTION_PROVIDER_ANSWERED, a);
    }

    /**
     * Why an answer that changed nothing is refused: no such request, a request routed to another provider (a node
     * speaking for another province's provider), or one already answered otherwise. The same answer again is a
     * harmless repeat and returns.
     */
    private void refuseAnswer(UUID id, Payloads.ProviderAnswer a) {
        Object[] held = (Object[]) em.createNativeQuery("""
                        SELECT provider_province, provider_uscc, status FROM cross_region WHERE redemption_id = ?1""")
                .setParameter(1, id).getResultStream().findFirst().orElse(null);
        if (held == null) {
            throw new EventRefused(EventCheck.Reason.TRANSITION, "no cross-region request " + id);
        }
        if (!held[0].equals(a.providerProvince()) || !held[1].equals(a.providerUscc())) {
            throw new EventRefused(EventCheck.Reason.PROVENANCE, a.providerUscc() + " of " + a.providerProvince()
                    + " may not answer request " + id + ", routed to another provider");
        }
        if (!a.answer().equals(held[2])) {
            throw new EventRefused(EventCheck.Reason.TRANSITION, "request " + id + " is " + held[2]
                    + ", not waiting for an answer");
        }
    }

    /** What the usage stream means to routing: the invoices of every province's redemptions, live or ended. */
    public Route subscribe(Route usage) {
        return usage.on(EventTypes.REDEMPTION_TRANSITION, Payloads.RedemptionUsage.class, this::transition);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void transition(CloudEvent e, Payloads.RedemptionUsage r) {
        Provenance.require(e, r.province(), "redemption " + r.redemptionId());
        boolean live = States.LIVE.contains(r.status());
        // a live cross-region redemption's invoice is recorded by requested() when its request arrives; the usage
        // stream only ends it, so the two consumers do not wait on each other's row locks
        if (!live || r.province().equals(r.providerProvince())) {
            seen(r.invoiceHash(), UUID.fromString(r.redemptionId()), r.province(), live);
        }
    }

    /** Invoices the hub has seen in the usage stream of every province. */
    private void seen(String invoiceHash, UUID redemptionId, String province, boolean live) {
        if (invoiceHash == null) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO invoice_seen (invoice_hash, redemption_id, province, live, seen_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (invoice_hash, redemption_id) DO UPDATE SET live = excluded.live""")
                .setParameter(1, invoiceHash).setParameter(2, redemptionId).setParameter(3, province)
                .setParameter(4, live).setParameter(5, OffsetDateTime.now(clock)).executeUpdate();
    }

    private void refuse(Payloads.CrossRegionRequest r, Refusal refusal) {
        String reason = switch (refusal.code()) {
            case "invoice-already-redeemed" -> "the invoice has already been redeemed in the YRD";
            case "provider-not-recognised" -> "the provider is not recognised for " + r.category() + " (P14)";
            default -> refusal.code();
        };
        outbox.publish(Topics.nodeInbox(r.issuingProvince()), r.redemptionId(), EventTypes.REDEMPTION_REFUSED_BY_HUB,
                new Payloads.HubRefusal(r.redemptionId(), r.issuingProvince(), refusal.code(), reason));
    }
}
