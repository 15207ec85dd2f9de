package org.yrd.voucher.policy;

import java.time.LocalDate;

/**
 * The one meaning of "listed on day D" (P13): an entry of a negative list, a province's own or the YRD list's, binds
 * a party from its first day ({@code startsOn}) to its last ({@code endsOn}, open if absent), both included, unless
 * it was ended. A future-dated entry binds nobody yet, in its province or any other; an entry past its last day binds
 * nobody any more. The node's SQL function {@code party_listed} and the hub's checks say the same (tested against
 * this rule).
 */
public final class Listing {
    private Listing() {}

    public static boolean inForce(LocalDate startsOn, LocalDate endsOn, boolean ended, LocalDate day) {
        return !ended && startsOn != null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
