package org.yrd.voucher.hub.registry;

import static org.yrd.voucher.edge.TimeSource.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.common.HubConfig;
import org.yrd.voucher.policy.ProviderStandard;
import org.yrd.voucher.policy.ProviderStandard.QualityCriteria;
import org.yrd.voucher.policy.ProviderStandard.Standing;

/**
 * P8 the library of high-quality providers (优质服务机构资源库), by published criteria ({@code hub.quality.*}): a
 * recognised provider (so admitted at home and not sanctioned, P13) with enough paid services, enough ratings, a
 * high enough average rating and, if required, a service to another province's enterprise. A provider is
 * re-examined whenever one of its services is paid or rated, or its recognition changes; entry and exit go to
 * every node with the registry record.
 */
@ApplicationScoped
public class QualityLibrary {
    private final EntityManager em;
    private final Recognition recognition;
    private final HubConfig config;
    private final Clock clock;

    QualityLibrary(EntityManager em, Recognition recognition, HubConfig config, Clock clock) {
        this.em = em;
        this.recognition = recognition;
        this.config = config;
        this.clock = clock;
    }

    public record Member(String uscc, String name, String homeProvince, Standing standing, OffsetDateTime since) {}

    public QualityCriteria criteria() {
        HubConfig.Quality q = config.quality();
        return new QualityCriteria(q.minServices(), q.minRatings(), q.minAverageRating(), q.crossRegionRequired());
    }

    /**
     * What the usage stream means to the library: the ratings of every province, and each provider paid or rated in
     * a transaction re-examined once before it commits (after the statistics have stored its paid services).
     */
    public Route subscribe(Route usage) {
        return usage.accepts(EventTypes.RATING_GIVEN, Payloads.RatingGiven.class)
                .accepts(EventTypes.REDEMPTION_TRANSITION, Payloads.RedemptionUsage.class)
                .batches(Services::new);
    }

    private final class Services implements Route.Batch {
        private final Set<String> providers = new LinkedHashSet<>();

        @Override
        public void apply(CloudEvent e, Object payload) {
            if (payload instanceof Payloads.RatingGiven r) {
                rated(e, r);
                providers.add(r.providerUscc());
            } else if (payload instanceof Payloads.RedemptionUsage r && States.PAID.equals(r.status())) {
                providers.add(r.providerUscc());
            }
        }

        @Override
        public void finish() {
            reexamine(providers);
        }
    }

    private void rated(CloudEvent e, Payloads.RatingGiven r) {
        Provenance.require(e, r.province(), "rating of " + r.redemptionId());
        em.createNativeQuery("""
                        INSERT INTO rating (redemption_id, province, provider_uscc, score, rated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.province())
                .setParameter(3, r.providerUscc()).setParameter(4, r.score()).setParameter(5, utc(r.at()))
                .executeUpdate();
    }

    /** Re-examines these providers; an entry or exit republishes the provider's registry record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reexamine(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return;
        }
        Map<String, Standing> standings = standings(usccs);
        for (String uscc : usccs) {
            HubProvider p = HubProvider.findById(uscc);
            if (p == null) {
                continue; // a provider the registry does not know (yet): nothing to publish
            }
            boolean member = ProviderStandard.inQualityLibrary(p.recognised,
                    standings.getOrDefault(uscc, Standing.NONE), criteria());
            if (member != p.quality) {
                p.quality = member;
                p.qualitySince = member ? OffsetDateTime.now(clock) : null;
                recognition.publish(p);
            }
        }
    }

    public Map<String, Standing> standings(Collection<String> usccs) {
        Map<String, Standing> out = new HashMap<>();
        if (usccs.isEmpty()) {
            return out;
        }
        List<?> rows = em.createNativeQuery("""
                        SELECT p.uscc,
                          (SELECT count(*) FROM redemption_state s WHERE s.provider_uscc = p.uscc AND s.status = 'PAID'),
                          (SELECT count(*) FROM rating r WHERE r.provider_uscc = p.uscc),
                          (SELECT avg(r.score) FROM rating r WHERE r.provider_uscc = p.uscc),
                          (SELECT count(DISTINCT s.province) FROM redemption_state s WHERE s.provider_uscc = p.uscc
                             AND s.status = 'PAID' AND s.province <> p.home_province)
                        FROM provider p WHERE p.uscc = ANY(cast(?1 AS varchar[]))""")
                .setParameter(1, usccs.toArray(String[]::new)).getResultList();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            BigDecimal avg = r[3] == null ? null : new BigDecimal(r[3].toString()).setScale(2, RoundingMode.HALF_UP);
            out.put((String) r[0], new Standing(((Number) r[1]).longValue(), ((Number) r[2]).longValue(), avg,
                    ((Number) r[4]).longValue()));
        }
        return out;
    }

    /** The library's members, longest-standing first. */
    public List<Member> members() {
        List<HubProvider> members = HubProvider.list("quality = true order by qualitySince, uscc");
        Map<String, Standing> standings = standings(members.stream().map(p -> p.uscc).toList());
        return members.stream().map(p -> new Member(p.uscc, p.name, p.homeProvince,
                standings.getOrDefault(p.uscc, Standing.NONE), p.qualitySince)).toList();
    }
}
