package org.yrd.voucher.policy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a redemption (兑付): FILED → PROVIDER_CONFIRMED → APPROVED → PAID, or it ends REJECTED, DISPUTED or
 * EXPIRED. The amount is held on the voucher while a redemption is pending and released when it ends without payment
 * (P6). A cross-region redemption passes through the same states; only who confirms it changes (P14).
 */
public enum RedemptionStatus {
    FILED, PROVIDER_CONFIRMED, APPROVED, PAID, REJECTED, DISPUTED, EXPIRED;

    private static final Map<RedemptionStatus, Set<RedemptionStatus>> NEXT = Map.of(
            // the provider confirms or disputes; an operator may reject; unanswered, it expires
            FILED, EnumSet.of(PROVIDER_CONFIRMED, DISPUTED, REJECTED, EXPIRED),
            // approved automatically or by an operator (P13: a flagged one only by an operator), or rejected
            PROVIDER_CONFIRMED, EnumSet.of(APPROVED, REJECTED),
            // finance pays (P7), or an operator still rejects it
            APPROVED, EnumSet.of(PAID, REJECTED),
            PAID, EnumSet.noneOf(RedemptionStatus.class),
            REJECTED, EnumSet.noneOf(RedemptionStatus.class),
            DISPUTED, EnumSet.noneOf(RedemptionStatus.class),
            EXPIRED, EnumSet.noneOf(RedemptionStatus.class));

    /** Whether a redemption in this state may move to {@code next}; every other move is refused. */
    public boolean canBecome(RedemptionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The states this one may move to. */
    public Set<RedemptionStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Whether the amount is still held on the voucher (P6): until it is paid or ends. */
    public boolean holds() {
        return !NEXT.get(this).isEmpty();
    }

    /** Whether its invoice is taken (P3, P13): while held, and for good once paid. */
    public boolean live() {
        return holds() || this == PAID;
    }
}
