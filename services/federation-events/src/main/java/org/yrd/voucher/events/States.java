package org.yrd.voucher.events;

import java.util.List;

/**
 * The one spelling of the states node and hub share, in Java and in SQL (bind a list with
 * {@code status = ANY(cast(?n AS varchar[]))} and {@link #sql(List)}). The node's {@code RedemptionStatus} enum
 * carries the same names with their transitions.
 */
public final class States {
    private States() {}

    // a redemption, as its issuing node reports it (P8 data aggregation)
    public static final String FILED = "FILED";
    public static final String PROVIDER_CONFIRMED = "PROVIDER_CONFIRMED";
    public static final String APPROVED = "APPROVED";
    public static final String PAID = "PAID";
    public static final String REJECTED = "REJECTED";
    public static final String DISPUTED = "DISPUTED";
    public static final String EXPIRED = "EXPIRED";

    /** A redemption's amount is held on its voucher until it is paid or ends. */
    public static final List<String> HOLDING = List.of(FILED, PROVIDER_CONFIRMED, APPROVED);
    /** A redemption's invoice is taken while it is held or once it is paid. */
    public static final List<String> LIVE = List.of(FILED, PROVIDER_CONFIRMED, APPROVED, PAID);

    // a request from another province, at the provider's node; its answer is one of the last two
    public static final String REQUESTED = "REQUESTED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String ANSWER_DISPUTED = "DISPUTED";

    /** A request's invoice is taken while it waits for the provider and once the provider confirmed it. */
    public static final List<String> REQUEST_LIVE = List.of(REQUESTED, CONFIRMED);

    /** A list of states as a SQL array parameter. */
    public static String[] sql(List<String> states) {
        return states.toArray(String[]::new);
    }
}
