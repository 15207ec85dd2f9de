package org.yrd.voucher.node.demo;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.disclosure.Disclosure;
import org.yrd.voucher.node.provider.YrdRegistry;
import org.yrd.voucher.node.redemption.CrossRegion;
import org.yrd.voucher.node.redemption.Redemption;
import org.yrd.voucher.node.redemption.RedemptionFiling;
import org.yrd.voucher.node.redemption.RedemptionService;
import org.yrd.voucher.policy.RedemptionStatus;
import org.yrd.voucher.node.redemption.Redemptions;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.node.voucher.Vouchers;
import org.yrd.voucher.policy.Province;
import org.yrd.voucher.policy.RedemptionRules;

/**
 * The demo's cross-region part (P8), once the hub's registry has brought the other provinces' providers: a dozen of
 * this province's demo enterprises redeem with them; this province's demo providers answer the requests that reach
 * them from other provinces; and finance pays some of what was approved. It runs on the demo nodes only, a
 * step at a time, so that the federation's flows, heatmap and Sankey have something to show.
 */
@ApplicationScoped
public class DemoCrossRegion {
    private static final Logger LOG = Logger.getLogger(DemoCrossRegion.class);
    private static final int FILINGS = 12;

    private final NodeConfig config;
    private final YrdRegistry registry;
    private final Vouchers vouchers;
    private final Redemptions redemptions;
    private final RedemptionService service;
    private final RedemptionFiling filing;
    private final CrossRegion crossRegion;
    private final DemoHistory history;
    private final Disclosure disclosure;
    private final Clock clock;
    private final AtomicBoolean filed = new AtomicBoolean();

    DemoCrossRegion(NodeConfig config, YrdRegistry registry, Vouchers vouchers, Redemptions redemptions,
                    RedemptionService service, RedemptionFiling filing, CrossRegion crossRegion, DemoHistory history, Disclosure disclosure,
                    Clock clock) {
        this.disclosure = disclosure;
        this.config = config;
        this.registry = registry;
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.service = service;
        this.filing = filing;
        this.crossRegion = crossRegion;
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(every = "20s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "demo-cross-region")
    void run() {
        if (!config.demoData()) {
            return;
        }
        Province p = config.province();
        try {
            file(p);
            answer(p);
            pay(p);
        } catch (RuntimeException e) {
            LOG.infof(e, "demo cross-region step failed");
        }
    }

    /** Demo enterprises of the history redeem with other provinces' recognised providers. */
    private void file(Province p) {
        if (filed.get()) {
            return;
        }
        List<YrdRegistry.Recognised> others = registry.recognised().stream()
                .filter(r -> !r.homeProvince().equals(p.name()) && r.uscc().substring(8, 11).equals("DEM")).toList();
        if (others.stream().map(YrdRegistry.Recognised::homeProvince).distinct().count() < 3) {
            return; // wait for all three other provinces' registries
        }
        Random random = new Random(p.ordinal());
        int n = 0;
        for (String district : DemoHistory.DISTRICTS.get(p)) {
            for (int k = 100; k < 148 && n < FILINGS; k++) {
                String firm = DemoData.uscc(district, k);
                Voucher v = vouchers.ofEnterprise(firm).stream()
                        .filter(x -> x.status == Voucher.Status.ACTIVE && x.availableFen() >= 500_000).findFirst().orElse(null);
                if (v == null) {
                    continue;
                }
                YrdRegistry.Recognised provider = others.get(random.nextInt(others.size()));
                String category = provider.categories().stream().sorted().toList().get(0);
                long actual = (10 + random.nextInt(30)) * 100_000L;
                String ref = "X-" + firm.substring(10, 17);
                try {
                    history.as(p, firm.toLowerCase(), Roles.ENTERPRISE, () -> filing.file(firm, new RedemptionFiling.Filing(v.id,
                            provider.uscc(), category, new RedemptionRules.Declarations(false, false, false), "HT-" + ref,
                            "FP-" + ref, actual, Math.min(actual / 2, v.availableFen()), TimeSource.today(clock), false)));
                    n++;
                } catch (ProblemException e) {
                    LOG.debugf("demo cross-region filing refused: %s", e.code());
                    n++;
                }
            }
        }
        filed.set(true);
        LOG.infof("demo: %d cross-region redemptions filed by %s", n, p);
    }

    /** This province's demo providers answer requests from other provinces' demo enterprises. */
    private void answer(Province p) {
        for (Disclosure.AdmittedProvider admitted : disclosure.admittedProviders()) {
            String provider = admitted.uscc();
            if (!DemoHistory.isHistoryProvider(provider)) {
                continue; // the README's demo lab and centre answer by hand
            }
            for (CrossRegion.Incoming in : crossRegion.incomingFor(provider, CrossRegion.IncomingStatus.REQUESTED,
                    new Paging(50, 0))) {
                history.as(p, provider.toLowerCase(), Roles.PROVIDER, () -> in.id().hashCode() % 7 == 0
                        ? crossRegion.dispute(provider, in.id(), "服务内容与合同约定不一致")
                        : crossRegion.confirm(provider, in.id()));
            }
        }
    }

    /** Finance pays two in three of the approved cross-region redemptions; the rest wait in its queue. */
    private void pay(Province p) {
        for (Redemption r : redemptions.withStatus(RedemptionStatus.APPROVED, new Paging(200, 0))) {
            if (r.contractNo.startsWith("HT-X-") && Math.floorMod(r.id.hashCode(), 3) != 0) {
                history.as(p, "finance-1", Roles.FINANCE, () -> service.pay(r.id, "DEMO-BANK-X" + Math.floorMod(r.id.hashCode(), 100000)));
            }
        }
    }
}
