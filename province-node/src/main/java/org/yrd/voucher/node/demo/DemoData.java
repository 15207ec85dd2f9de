package org.yrd.voucher.node.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.provider.Provider;
import org.yrd.voucher.node.provider.ProviderStatus;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.node.redemption.RedemptionService;
import org.yrd.voucher.node.voucher.VoucherApplication;
import org.yrd.voucher.node.voucher.VoucherService;
import org.yrd.voucher.policy.Province;
import org.yrd.voucher.policy.RecipientType;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.Uscc;

/**
 * A small, made-up data set for local runs ({@code node.demo-data=true}): three enterprises, two admitted
 * providers and one applying, vouchers, one redemption waiting for its provider. Loaded once, into an empty node.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Map<Province, String> DISTRICT = Map.of(
            Province.SH, "310115", Province.JS, "320505", Province.ZJ, "330106", Province.AH, "340104");

    private final NodeConfig config;
    private final ProviderService providers;
    private final Enterprises enterprises;
    private final VoucherService vouchers;
    private final RedemptionService redemptions;
    private final PolicyService policies;
    private final Clock clock;

    DemoData(NodeConfig config, ProviderService providers, Enterprises enterprises, VoucherService vouchers,
             RedemptionService redemptions, PolicyService policies, Clock clock) {
        this.config = config;
        this.providers = providers;
        this.enterprises = enterprises;
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.policies = policies;
        this.clock = clock;
    }

    void load(@Observes @Priority(20) StartupEvent ignored) {
        if (!config.demoData() || QuarkusTransaction.requiringNew().call(enterprises::any)) {
            return;
        }
        Province p = config.province();
        String district = DISTRICT.get(p);
        String e1 = uscc(district, 1), e2 = uscc(district, 2), e3 = uscc(district, 3);
        enterprise(e1, p.nameZh() + "示范智能装备有限公司", district);
        enterprise(e2, p.nameZh() + "示范生物医药科技有限公司", district);
        enterprise(e3, p.nameZh() + "示范新材料有限公司", district);
        String lab = uscc(p.divisionCode().substring(0, 2) + "0104", 11);
        String ip = uscc(p.divisionCode().substring(0, 2) + "0104", 12);
        String applicant = uscc(p.divisionCode().substring(0, 2) + "0104", 13);
        providers.apply(lab, p.nameZh() + "示范检验检测研究院",
                List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT"),
                List.of(new Provider.Qualification("CMA", "DEMO-CMA-" + p), new Provider.Qualification("CNAS", "DEMO-L" + p)));
        providers.decide(lab, ProviderStatus.ADMITTED, "demo: meets the admission standard", "demo");
        providers.apply(ip, p.nameZh() + "示范知识产权服务中心", List.of("INTELLECTUAL_PROPERTY", "SCI_TECH_CONSULTING"),
                List.of());
        providers.decide(ip, ProviderStatus.ADMITTED, "demo: meets the admission standard", "demo");
        providers.apply(applicant, p.nameZh() + "示范技术转移中心", List.of("TECHNOLOGY_TRANSFER"), List.of());

        long small = Math.min(1_000_000, policies.current().policy().autoApprovalThresholdFen());
        try {
            VoucherApplication a1 = vouchers.apply(e1, small);
            vouchers.apply(e2, small);
            if (a1.voucherId != null) {
                redemptions.file(e1, new RedemptionService.Filing(a1.voucherId, lab, "TESTING_INSPECTION_CERTIFICATION",
                        new RedemptionRules.Declarations(false, false, false), "DEMO-HT-001", "DEMO-FP-001",
                        small, small, TimeSource.today(clock)));
            }
        } catch (ProblemException e) {
            // e.g. outside this province's application windows today: the parties are there, vouchers are not
            LOG.infof("demo vouchers not issued today: %s", e.code());
        }
        LOG.infof("demo data loaded for %s: enterprises %s %s %s; admitted providers %s %s; applying %s",
                p, e1, e2, e3, lab, ip, applicant);
    }

    private void enterprise(String uscc, String name, String district) {
        enterprises.register(new Enterprises.Registration(uscc, name, RecipientType.TECH_SME,
                "DEMO" + uscc.substring(8, 17), 2025, district));
    }

    static String uscc(String district, int n) {
        String first17 = "91" + district + String.format("DEM%06d", n);
        return first17 + Uscc.checkCharacter(first17);
    }
}
