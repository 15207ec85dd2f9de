package org.yrd.voucher.node.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the parties a list shows by their codes: this province's enterprises and providers, and the YRD
 * registry's providers of other provinces (P4). One query for a whole page.
 */
@ApplicationScoped
public class PartyNames {
    private final EntityManager em;

    PartyNames(EntityManager em) {
        this.em = em;
    }

    /** By USCC; a code nobody here knows is absent. */
    public Map<String, String> of(Collection<String> usccs) {
        Map<String, String> names = new HashMap<>();
        if (usccs.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT uscc, name FROM enterprise WHERE uscc IN (:u)
                        UNION ALL SELECT uscc, name FROM provider WHERE uscc IN (:u)
                        UNION ALL SELECT uscc, name FROM provider_registry WHERE uscc IN (:u)""")
                .setParameter("u", usccs).getResultList();
        rows.forEach(r -> names.putIfAbsent((String) r[0], (String) r[1]));
        return names;
    }
}
