package org.yrd.voucher.hub.common;

import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.federation.EventRefused;

/**
 * The hub accepts from a node only events about that node's own entities: SH cannot admit a ZJ provider
 * or redeem ZJ vouchers. Anything else is refused into the quarantine (reason {@code PROVENANCE}), where the task
 * group sees it ({@code GET /api/v1/taskgroup/provenance-refusals}), and counted by {@code yrd_quarantined_total}.
 */
public final class Provenance {
    private Provenance() {}

    /** Refuses the event unless its source is the node of {@code province}. */
    public static void require(CloudEvent e, String province, String what) {
        if (province == null || !province.equals(e.sourceProvince())) {
            throw new EventRefused(EventCheck.Reason.PROVENANCE,
                    e.source() + " may not report " + what + " of province " + province);
        }
    }
}
