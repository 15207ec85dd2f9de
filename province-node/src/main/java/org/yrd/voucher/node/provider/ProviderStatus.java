package org.yrd.voucher.node.provider;

import java.util.Map;
import java.util.Set;

/** P5: local admission lifecycle. */
public enum ProviderStatus {
    APPLIED, ADMITTED, REJECTED, SUSPENDED, REVOKED;

    private static final Map<ProviderStatus, Set<ProviderStatus>> NEXT = Map.of(
            APPLIED, Set.of(ADMITTED, REJECTED),
            ADMITTED, Set.of(SUSPENDED, REVOKED),
            SUSPENDED, Set.of(ADMITTED, REVOKED),
            REJECTED, Set.of(),
            REVOKED, Set.of());

    public boolean canBecome(ProviderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
