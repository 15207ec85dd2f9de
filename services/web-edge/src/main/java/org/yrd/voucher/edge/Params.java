package org.yrd.voucher.edge;

import java.util.Arrays;

/**
 * Query parameters read as text and checked here, so that a value the app cannot use is a 400 problem naming
 * the parameter and what it accepts, not the framework's bare 404 (its answer to a value it cannot convert)
 * or a silently different answer.
 */
public final class Params {
    private Params() {}

    /** A whole number from {@code min} to {@code max}; absent means {@code absent}. */
    public static int number(String field, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "whole-number", min, max);
    }

    /** A budget year, 2000–2100; absent means {@code null}. */
    public static Integer year(String field, String value) {
        return value == null || value.isBlank() ? null : number(field, value, 0, 2000, 2100);
    }

    /** One of an enum's names, e.g. {@code ?status=APPROVED}; absent means any ({@code null}). */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E[] values = type.getEnumConstants();
        return Arrays.stream(values).filter(v -> v.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "one-of", Arrays.toString(values)));
    }

    /** A day, {@code yyyy-MM-dd}; absent means {@code null}. */
    public static java.time.LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "date");
        }
    }

    /** Free text to match, at most {@code max} characters; absent means {@code null}. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "max-length", max);
        }
        return value.strip();
    }

    /** {@code true} or {@code false}; absent means {@code false}. */
    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(field, "one-of", "[true, false]");
        };
    }
}
