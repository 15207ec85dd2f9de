package org.yrd.voucher.hub.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yrd.voucher.policy.Province;

/** The read side of the registry: the public YRD catalogue of recognised providers (P8, P13 disclosure). */
@ApplicationScoped
public class Catalogue {
    private final EntityManager em;

    Catalogue(EntityManager em) {
        this.em = em;
    }

    public record Entry(String uscc, String name, String homeProvince, Set<String> categories) {}

    /** Recognised providers by name; each filter is optional. */
    public List<Entry> search(String category, Province province, String name) {
        return HubProvider.<HubProvider>list("recognised = true order by name").stream()
                .filter(p -> category == null || p.recognisedCategories().contains(category))
                .filter(p -> province == null || p.homeProvince.equals(province.name()))
                .filter(p -> name == null || p.name.contains(name))
                .map(p -> new Entry(p.uscc, p.name, p.homeProvince, p.recognisedCategories()))
                .toList();
    }

    /** Every category some province's provider was reported with: the common ones and the provinces' own (P2). */
    public Set<String> knownCategories() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(
                "SELECT DISTINCT unnest(string_to_array(categories, ',')) FROM provider").getResultList();
        return rows.stream().collect(Collectors.toUnmodifiableSet());
    }
}
