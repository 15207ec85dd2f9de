package org.yrd.voucher.node.voucher;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.yrd.voucher.node.redemption.Redemptions;

/** Ends what time ends: vouchers past validity, redemptions the provider never confirmed. */
@ApplicationScoped
public class ExpiryJobs {
    private static final Logger LOG = Logger.getLogger(ExpiryJobs.class);

    private final Vouchers vouchers;
    private final Redemptions redemptions;

    ExpiryJobs(Vouchers vouchers, Redemptions redemptions) {
        this.vouchers = vouchers;
        this.redemptions = redemptions;
    }

    @Scheduled(every = "${node.jobs.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "expiry")
    public void run() {
        int redemptionsExpired = redemptions.expireUnconfirmed();
        int vouchersExpired = vouchers.expireDue();
        if (redemptionsExpired + vouchersExpired > 0) {
            LOG.infof("expired %d unconfirmed redemptions and %d vouchers", redemptionsExpired, vouchersExpired);
        }
    }
}
