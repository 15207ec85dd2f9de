package org.yrd.voucher.node.redemption;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Ends redemptions their provider never answered within {@code node.redemption.confirmation-timeout} (P9). */
@ApplicationScoped
public class RedemptionExpiry {
    private static final Logger LOG = Logger.getLogger(RedemptionExpiry.class);

    private final RedemptionService redemptions;

    RedemptionExpiry(RedemptionService redemptions) {
        this.redemptions = redemptions;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.jobs.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "redemption-expiry")
    public void run() {
        int expired = redemptions.expireUnconfirmed();
        if (expired > 0) {
            LOG.infof("expired %d unconfirmed redemptions", expired);
        }
    }
}
