package org.yrd.voucher.hub.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yrd.voucher.policy.Categories;
import org.yrd.voucher.policy.Province;
import org.yrd.voucher.policy.Violation;

/**
 * The hub's query parameters, read as text and checked here, so that a value the hub cannot use is a 400
 * problem naming the parameter and what it accepts, not JAX-RS's bare 404 or a silently different answer.
 */
public final class QueryParams {
    private QueryParams() {}

    /** A parameter the hub cannot use; {@link ProblemMapper} answers it with 400. */
    public static final class Invalid extends RuntimeException {
        private final transient Violation violation;

        Invalid(String field, String message) {
            super(field + ": " + message, null, false, false);
            this.violation = new Violation(field, message);
        }

        public List<Violation> violations() {
            return List.of(violation);
        }
    }

    /** A budget year; absent means every year. */
    public static Integer year(String field, String value) {
        return value == null || value.isBlank() ? null : number(field, value, 2000, 2100);
    }

    /** A whole number from {@code min} to {@code max}; absent means {@code absent}. */
    public static int number(String field, String value, int absent, int min, int max) {
        return value == null || value.isBlank() ? absent : number(field, value, min, max);
    }

    /** One of the four YRD provinces (P14), in either case; absent means all. */
    public static Province province(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Province.values()).filter(p -> p.name().equals(code)).findFirst()
                .orElseThrow(() -> new Invalid(field, "one of " + Arrays.toString(Province.values())));
    }

    /** A category code (P2), common or a province's own; absent means all. */
    public static String category(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Categories.isWellFormed(value.strip())) {
            throw new Invalid(field, "a category code in upper case, e.g. TESTING_INSPECTION_CERTIFICATION");
        }
        return value.strip();
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Invalid(field, "a whole number from " + min + " to " + max);
    }
}
