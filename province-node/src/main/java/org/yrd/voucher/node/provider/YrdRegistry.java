package org.yrd.voucher.node.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.policy.Categories;

/**
 * This node's replica of the hub's YRD provider registry (P8, P14), rebuilt from the compacted topic by a new
 * node: the one owner of the {@code provider_registry} table.
 */
@ApplicationScoped
public class YrdRegistry {
    private final EntityManager em;
    private final Clock clock;

    YrdRegistry(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** {@code quality}: in the hub's library of high-quality providers (P8). */
    public record Recognised(String uscc, String name, String homeProvince, Set<String> categories, boolean quality) {}

    /** The hub's latest record of one provider, in the caller's transaction. */
    public void apply(Payloads.RecognitionRecord r) {
        em.createNativeQuery("""
                        INSERT INTO provider_registry (uscc, name, home_province, recognised, categories, reason, updated_at,
                          quality)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, home_province = excluded.home_province,
                          recognised = excluded.recognised, categories = excluded.categories, reason = excluded.reason,
                          updated_at = excluded.updated_at, quality = excluded.quality""")
                .setParameter(1, r.uscc()).setParameter(2, r.name()).setParameter(3, r.homeProvince())
                .setParameter(4, r.recognised()).setParameter(5, Categories.join(r.categories()))
                .setParameter(6, r.reason()).setParameter(7, OffsetDateTime.now(clock)).setParameter(8, r.quality())
                .executeUpdate();
    }

    /** Every provider recognised YRD-wide, by name. */
    public List<Recognised> recognised() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT uscc, name, home_province, categories, quality FROM provider_registry WHERE recognised ORDER BY name")
                .getResultList();
        return rows.stream().map(r -> new Recognised((String) r[0], (String) r[1], (String) r[2],
                Categories.split((String) r[3]), (Boolean) r[4])).toList();
    }
}
