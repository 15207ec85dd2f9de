package org.yrd.voucher.node.common;

import org.yrd.voucher.edge.ProblemException;

/**
 * {@code limit} and {@code offset} of a list that can grow without bound (a work queue), checked with a 400
 * that names the parameter. Query parameters arrive as text so that "abc" gets that answer too.
 */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public static Paging of(String limit, String offset) {
        return new Paging(number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                number("offset", offset, 0, 0, Integer.MAX_VALUE - MAX_LIMIT));
    }

    /** The index of the last row of the page, as Panache's {@code range} wants it. */
    public int last() {
        return offset + limit - 1;
    }

    private static int number(String field, String value, int absent, int min, int max) {
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
}
