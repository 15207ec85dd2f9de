package org.yrd.voucher.node.redemption;

import java.util.Map;
import java.util.Set;
import org.yrd.voucher.events.States;

/**
 * FILED → PROVIDER_CONFIRMED → APPROVED → PAID, or REJECTED / DISPUTED / EXPIRED. The amount is held on
 * the voucher while a redemption is pending and released when it ends without payment. A cross-region
 * redemption (federation) passes through the same states; only who confirms it changes.
 */
public enum RedemptionStatus {
    FILED, PROVIDER_CONFIRMED, APPROVED, PAID, REJECTED, DISPUTED, EXPIRED;

    private static final Map<RedemptionStatus, Set<RedemptionStatus>> NEXT = Map.of(
            FILED, Set.of(PROVIDER_CONFIRMED, DISPUTED, REJECTED, EXPIRED),
            PROVIDER_CONFIRMED, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(PAID, REJECTED),
            PAID, Set.of(),
            REJECTED, Set.of(),
            DISPUTED, Set.of(),
            EXPIRED, Set.of());

    public boolean canBecome(RedemptionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the amount is still held on the voucher. */
    public boolean holds() {
        return States.HOLDING.contains(name());
    }
}
