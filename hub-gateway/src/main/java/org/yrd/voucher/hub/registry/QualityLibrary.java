package org.yrd.voucher.hub.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
