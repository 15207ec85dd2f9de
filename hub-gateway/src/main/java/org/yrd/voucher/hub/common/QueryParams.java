package org.yrd.voucher.hub.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.policy.Categories;
import org.yrd.voucher.policy.Province;

/**
 * The hub's query parameters, read as text and checked here, so that a value the hub cannot use is a 400
 * problem naming the parameter and what it accepts, not JAX-RS's bare 404 or a silently different answer.
 */
public final class QueryParams {
    private QueryParams() {}

    /** One of the four YRD provinces (P14), in either case; absent means all. */
    public static Province province(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Province.values()).filter(p -> p.name().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "one-of-provinces", Arrays.toString(Province.values())));
    }

    /**
     * A category (P2) the federation knows: common, or a province's own among {@code known}; absent means all.
     * An unknown one is refused like an unknown province, not answered with an empty list.
     */
    public static String category(String field, String value, Set<String> known) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!Categories.isWellFormed(code)) {
            throw ProblemException.invalid(field, "category-code");
        }
        if (!Categories.COMMON.contains(code) && !known.contains(code)) {
            throw ProblemException.invalid(field, "unknown-category");
        }
        return code;
    }
}
