package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.DocumentNumbers;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * What every step of a redemption leaves behind, in its transaction: the audit record (who, what, how much) and the
 * usage event the hub aggregates (P8), which carries the contract's keyed hash at filing (P13).
 */
@ApplicationScoped
class RedemptionJournal {
    private final Outbox outbox;
    private final Audit audit;
    private final NodeConfig config;
    private final Clock clock;

    RedemptionJournal(Outbox outbox, Audit audit, NodeConfig config, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Filed: audited with its invoice, and sent to the hub. */
    void filed(Redemption r) {
        audit.record("redemption.filed", r.id, r.status().name(), r.voucherAmountFen, "invoice " + r.invoiceNo);
        usage(r, r.status());
    }

    /** A transition taken: audited, and sent to the hub (P8). */
    void moved(Redemption r) {
        moved(r, r.status());
    }

    /** The transition of {@code r} into {@code now}, which it may have left since in the same step. */
    void moved(Redemption r, RedemptionStatus now) {
        usage(r, now);
        audit.record("redemption." + now.name().toLowerCase(java.util.Locale.ROOT), r.id, now.name(),
                r.voucherAmountFen, null);
    }

    /** P8 data aggregation: every transition goes to the hub. */
    private void usage(Redemption r, RedemptionStatus now) {
        outbox.publish(Topics.USAGE, r.id.toString(), EventTypes.REDEMPTION_TRANSITION,
                new Payloads.RedemptionUsage(config.province().name(), r.id.toString(), r.voucherId.toString(),
                        r.enterpriseUscc, r.providerUscc, r.providerProvince, r.category, now.name(),
                        r.voucherAmountFen, r.budgetYear, r.invoiceHash, r.filedAt.toInstant(), clock.instant(),
                        // P13: the hub compares contracts across provinces (keyed hash, as for invoices)
                        now == RedemptionStatus.FILED ? InvoiceHash.of(config.federation().invoiceHashKey(),
                                r.providerUscc, DocumentNumbers.key(r.contractNo)) : null,
                        now == RedemptionStatus.FILED ? r.actualExpenditureFen : null, r.districtCode));
    }
}
