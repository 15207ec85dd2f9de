package org.yrd.voucher.node.federation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.audit.AuditTrail;

/**
 * Publishes this node's ledger for the current year, so the hub can reconcile its totals against it, with the end
 * of the audit chain, which the hub keeps as a witness.
 */
@ApplicationScoped
public class LedgerSnapshots {
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final NodeConfig config;

    private final AuditTrail audit;

    LedgerSnapshots(Ledger ledger, Outbox outbox, Clock clock, NodeConfig config, AuditTrail audit) {
        this.audit = audit;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.jobs.every}", identity = "ledger-snapshot",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void publish() {
        int year = TimeSource.today(clock).getYear();
        var b = ledger.report(year).fromLedger();
        var head = audit.head();
        outbox.publish(Topics.USAGE, config.province().name() + ":" + year, EventTypes.LEDGER_SNAPSHOT,
                new Payloads.LedgerSnapshot(config.province().name(), year, b.budgetFen(), b.issuedFen(), b.heldFen(),
                        b.redeemedFen(), b.expiredFen(), clock.instant(),
                        head.seq() == 0 ? null : head.seq(), head.seq() == 0 ? null : head.hash()));
    }
}
