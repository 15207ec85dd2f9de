package org.yrd.voucher.edge;

/**
 * {@code limit} and {@code offset} of a list that can grow without bound (a work queue), at node and hub alike: 1–500,
 * default 100, checked with a 400 that names the parameter. Query parameters arrive as text so that "abc" gets
 * that answer too.
 */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public static Paging of(String limit, String offset) {
        return new Paging(Params.number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                Params.number("offset", offset, 0, 0, Integer.MAX_VALUE - MAX_LIMIT));
    }

    /** The index of the last row of the page, as Panache's {@code range} wants it. */
    public int last() {
        return offset + limit - 1;
    }
}
