package org.yrd.voucher.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YRD standard for providers, decided by the hub for every province: mutual recognition of a provider its home
 * province admitted (P5, P14) and the library of high-quality providers (P8). Pure: the hub gathers the facts (the
 * home record, the negative list, the paid services and ratings) and stores and publishes the outcome.
 */
public final class ProviderStandard {
    private ProviderStandard() {}

    /** Why a provider, or one of its categories, falls short of recognition: stable codes, see {@link Decision}. */
    public enum Shortfall {
        /** P5: the home province has not admitted it, or suspended or revoked it ({@code args}: the home status) */
        NOT_IN_GOOD_STANDING,
        /** P13: on the YRD negative list on the day of the decision */
        LISTED,
        /** P14: a category that needs one of the named qualifications ({@code args}: the category, the list) */
        QUALIFICATION_MISSING,
        /** P14: none of its categories meets the standard */
        NO_CATEGORY
    }

    /** The home status under which a provider may be recognised (P5). */
    public static final String ADMITTED = "ADMITTED";

    /**
     * What the hub knows of a provider when it decides.
     *
     * @param homeStatus     its status at its home node (ADMITTED, SUSPENDED, REVOKED …)
     * @param listed         on the YRD negative list today ({@link Listing#inForce})
     * @param categories     the service categories its home admitted it for
     * @param qualifications the kinds of qualification it holds (CMA, CNAS …)
     */
    public record Provider(String homeStatus, boolean listed, Collection<String> categories,
                           Collection<String> qualifications) {
        public Provider {
            categories = List.copyOf(categories);
            qualifications = Set.copyOf(qualifications);
        }
    }

    /**
     * The outcome: recognised YRD-wide or not, the categories recognised (empty when not), and every shortfall
     * found, in the order the standard checks them (a recognised provider may still fall short in a category).
     */
    public record Decision(boolean recognised, List<String> categories, List<Refusal> shortfalls) {
        public Decision {
            categories = List.copyOf(categories);
            shortfalls = List.copyOf(shortfalls);
        }
    }

    /**
     * P5, P13, P14: recognised when in good standing at home, not listed, and at least one category meets the
     * standard; a category listed in {@code requiredQualifications} needs one of the qualifications named there.
     */
    public static Decision recognise(Provider p, Map<String, List<String>> requiredQualifications) {
        List<Refusal> shortfalls = new ArrayList<>();
        boolean admitted = ADMITTED.equals(p.homeStatus());
        if (!admitted) {
            shortfalls.add(Refusal.of(Shortfall.NOT_IN_GOOD_STANDING.name(), "P5", p.homeStatus()));
        }
        if (p.listed()) {
            shortfalls.add(Refusal.of(Shortfall.LISTED.name(), "P13"));
        }
        Set<String> met = new LinkedHashSet<>();
        for (String c : p.categories()) {
            List<String> required = requiredQualifications.get(c);
            if (required == null || required.stream().anyMatch(p.qualifications()::contains)) {
                met.add(c);
            } else {
                shortfalls.add(Refusal.of(Shortfall.QUALIFICATION_MISSING.name(), "P14", c, List.copyOf(required)));
            }
        }
        if (met.isEmpty()) {
            shortfalls.add(Refusal.of(Shortfall.NO_CATEGORY.name(), "P14"));
        }
        boolean recognised = admitted && !p.listed() && !met.isEmpty();
        return new Decision(recognised, recognised ? List.copyOf(met) : List.of(), shortfalls);
    }

    /** P8: the published criteria of the library of high-quality providers. */
    public record QualityCriteria(int minServices, int minRatings, BigDecimal minAverageRating,
                                  boolean crossRegionRequired) {}

    /**
     * What the YRD knows of a provider's services: paid services, ratings, their average (null without ratings),
     * and how many provinces besides its own it has served.
     */
    public record Standing(long services, long ratings, BigDecimal averageRating, long otherProvincesServed) {
        public static final Standing NONE = new Standing(0, 0, null, 0);
    }

    /**
     * P8: a member of the library while recognised (so admitted at home and not sanctioned, P13) and its standing
     * meets every criterion.
     */
    public static boolean inQualityLibrary(boolean recognised, Standing s, QualityCriteria c) {
        return recognised && s.services() >= c.minServices() && s.ratings() >= c.minRatings()
                && s.averageRating() != null && s.averageRating().compareTo(c.minAverageRating()) >= 0
                && (!c.crossRegionRequired() || s.otherProvincesServed() > 0);
    }
}
