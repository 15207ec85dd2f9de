package org.yrd.voucher.node.voucher;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Ends vouchers past their validity (P7). */
@ApplicationScoped
public class VoucherExpiry {
    private static final Logger LOG = Logger.getLogger(VoucherExpiry.class);

    private final VoucherService vouchers;

    VoucherExpiry(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.jobs.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "voucher-expiry")
    public void run() {
        int expired = vouchers.expireDue();
        if (expired > 0) {
            LOG.infof("expired %d vouchers", expired);
        }
    }
}
