package org.yrd.voucher.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** P2: the common scope every province keeps; a province may add local categories, never remove these. */
public final class Categories {
    /** Sci-tech resources (科技资源). */
    public static final List<String> RESOURCES = List.of(
            "RESEARCH_REAGENTS", "LABORATORY_ANIMALS", "SCIENTIFIC_DATA",
            "SCI_TECH_LITERATURE", "SCI_TECH_REPORTS", "BIOLOGICAL_GERMPLASM");
    /** Sci-tech services (科技服务). */
    public static final List<String> SERVICES = List.of(
            "RESEARCH_AND_DEVELOPMENT", "TECHNOLOGY_TRANSFER", "TESTING_INSPECTION_CERTIFICATION",
            "STARTUP_INCUBATION", "INTELLECTUAL_PROPERTY", "SCI_TECH_CONSULTING", "SCI_TECH_FINANCE");

    public static final Set<String> COMMON;

    static {
        Set<String> all = new LinkedHashSet<>(RESOURCES);
        all.addAll(SERVICES);
        COMMON = Set.copyOf(all);
    }

    private Categories() {}

    /** A category list as stored (comma-separated), in its order and without repeats; empty for none. */
    public static Set<String> split(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(List.of(stored.split(",")));
    }

    /** The stored form of a category list: comma-separated, in its order and without repeats. */
    public static String join(java.util.Collection<String> categories) {
        return String.join(",", new LinkedHashSet<>(categories));
    }

    /** Category codes are upper-case words joined by underscores, e.g. {@code INDUSTRIAL_DESIGN}. */
    public static boolean isWellFormed(String code) {
        return code != null && code.matches("[A-Z][A-Z0-9_]{1,63}");
    }
}
