package org.yrd.voucher.hub.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yrd.voucher.policy.ProviderStandard;
import org.yrd.voucher.policy.Province;

/** The read side of the registry: the public YRD catalogue of recognised providers (P8, P13 disclosure). */
@ApplicationScoped
public class Catalogue {
    private final EntityManager em;

    private final QualityLibrary quality;

    Catalogue(EntityManager em, QualityLibrary quality) {
        this.em = em;
        this.quality = quality;
    }

    /**
     * {@code servicesRendered}: services paid in the YRD; {@code otherProvincesServed}: provinces other than its own
     * whose enterprises it served (P14 reach); {@code quality}: in the library of high-quality providers (P8).
     */
    public record Entry(String uscc, String name, String homeProvince, Set<String> categories, long servicesRendered,
                        long ratings, java.math.BigDecimal averageRating, long otherProvincesServed, boolean quality) {}

    /** Recognised providers by name; each filter is optional. */
    public List<Entry> search(String category, Province province, String name) {
        List<HubProvider> found = HubProvider.<HubProvider>list("recognised = true order by name").stream()
                .filter(p -> category == null || p.recognisedCategories().contains(category))
                .filter(p -> province == null || p.homeProvince.equals(province.name()))
                .filter(p -> name == null || p.name.contains(name))
                .toList();
        var standings = quality.standings(found.stream().map(p -> p.uscc).toList());
        return found.stream().map(p -> {
            var s = standings.getOrDefault(p.uscc, ProviderStandard.Standing.NONE);
            return new Entry(p.uscc, p.name, p.homeProvince, p.recognisedCategories(), s.services(), s.ratings(),
                    s.averageRating(), s.otherProvincesServed(), p.quality);
        }).toList();
    }

    /** Every category some province's provider was reported with: the common ones and the provinces' own (P2). */
    public Set<String> knownCategories() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(
                "SELECT DISTINCT unnest(string_to_array(categories, ',')) FROM provider").getResultList();
        return rows.stream().collect(Collectors.toUnmodifiableSet());
    }
}
