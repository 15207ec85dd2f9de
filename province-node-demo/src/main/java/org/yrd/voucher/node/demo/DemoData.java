package org.yrd.voucher.node.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.yrd.voucher.node.agent.Mandate;
import org.yrd.voucher.node.agent.MandateService;
import org.yrd.voucher.node.common.Contact;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.publicity.Notice;
import org.yrd.voucher.node.publicity.NoticeService;
import org.yrd.voucher.node.report.PublicReport;
import org.yrd.voucher.node.report.ReportService;
import org.yrd.voucher.node.voucher.DrawService;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.provider.Provider;
import org.yrd.voucher.node.provider.ProviderStatus;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.node.redemption.RedemptionFiling;
import org.yrd.voucher.node.redemption.RedemptionService;
import org.yrd.voucher.node.voucher.VoucherApplication;
import org.yrd.voucher.node.voucher.VoucherService;
import org.yrd.voucher.policy.Province;
import org.yrd.voucher.policy.RecipientType;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.Uscc;

/**
 * A small, made-up data set for local runs ({@code node.demo-data=true}): three enterprises, two admitted
 * providers and one applying, vouchers, one redemption waiting for its provider and one flagged as between related
 * parties (P13), a service point's mandate (P9), a public report (P13), a notice and a typical case (P12), and the
 * next draw window's draw announced (P6); then a few months of history with some fifty more enterprises and two
 * dozen providers ({@link DemoHistory}), and redemptions with other provinces' providers ({@link DemoCrossRegion}).
 * Loaded once, into an empty node.
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
    private final RedemptionFiling filing;
    private final PolicyService policies;
    private final Clock clock;
    private final MandateService mandates;
    private final ReportService reports;
    private final NoticeService notices;
    private final DrawService draws;
    private final DemoHistory history;

    DemoData(NodeConfig config, ProviderService providers, Enterprises enterprises, VoucherService vouchers,
             RedemptionService redemptions, RedemptionFiling filing, PolicyService policies, Clock clock, MandateService mandates,
             ReportService reports, NoticeService notices, DrawService draws, DemoHistory history) {
        this.history = history;
        this.mandates = mandates;
        this.reports = reports;
        this.notices = notices;
        this.draws = draws;
        this.config = config;
        this.providers = providers;
        this.enterprises = enterprises;
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.filing = filing;
        this.policies = policies;
        this.clock = clock;
    }

    void load(@Observes @Priority(20) StartupEvent ignored) {
        if (!config.demoData() || QuarkusTransaction.requiringNew().call(enterprises::any)) {
            return;
        }
        Province p = config.province();
        history.play(p); // the months before today, so that the audit trail runs forward in time
        String district = DISTRICT.get(p);
        String e1 = uscc(district, 1), e2 = uscc(district, 2), e3 = uscc(district, 3);
        enterprise(e1, p.nameZh() + "示范智能装备有限公司", district);
        enterprise(e2, p.nameZh() + "示范生物医药科技有限公司", district);
        // P13 related parties: the third enterprise and the IP centre registered the same legal representative
        Contact shared = Contact.of("王示范", "0" + p.divisionCode().substring(0, 2) + "-5555 0103", null);
        enterprises.register(new Enterprises.Registration(e3, p.nameZh() + "示范新材料有限公司", RecipientType.TECH_SME,
                "DEMO" + e3.substring(8, 17), 2025, district, shared, null));
        String lab = uscc(p.divisionCode().substring(0, 2) + "0104", 11);
        String ip = uscc(p.divisionCode().substring(0, 2) + "0104", 12);
        String applicant = uscc(p.divisionCode().substring(0, 2) + "0104", 13);
        providers.apply(lab, p.nameZh() + "示范检验检测研究院",
                List.of("TESTING_INSPECTION_CERTIFICATION", "RESEARCH_AND_DEVELOPMENT"),
                List.of(new Provider.Qualification("CMA", "DEMO-CMA-" + p), new Provider.Qualification("CNAS", "DEMO-L" + p)), null);
        providers.decide(lab, ProviderStatus.ADMITTED, "demo: meets the admission standard", "demo");
        providers.apply(ip, p.nameZh() + "示范知识产权服务中心", List.of("INTELLECTUAL_PROPERTY", "SCI_TECH_CONSULTING"),
                List.of(), shared);
        providers.decide(ip, ProviderStatus.ADMITTED, "demo: meets the admission standard", "demo");
        providers.apply(applicant, p.nameZh() + "示范技术转移中心", List.of("TECHNOLOGY_TRANSFER"), List.of(), null);

        long small = Math.min(1_000_000, policies.current().policy().autoApprovalThresholdFen());
        try {
            VoucherApplication a1 = vouchers.apply(e1, small);
            vouchers.apply(e2, small);
            VoucherApplication a3 = vouchers.apply(e3, small);
            if (a3.voucherId != null) { // raises a RELATED_PARTY flag in the operator's queue
                filing.file(e3, new RedemptionFiling.Filing(a3.voucherId, ip, "SCI_TECH_CONSULTING",
                        new RedemptionRules.Declarations(false, false, false), "DEMO-HT-003", "DEMO-FP-003",
                        small, small, TimeSource.today(clock), false));
            }
            if (a1.voucherId != null) {
                filing.file(e1, new RedemptionFiling.Filing(a1.voucherId, lab, "TESTING_INSPECTION_CERTIFICATION",
                        new RedemptionRules.Declarations(false, false, false), "DEMO-HT-001", "DEMO-FP-001",
                        small, small, TimeSource.today(clock), false));
            }
        } catch (ProblemException e) {
            // e.g. outside this province's application windows today: the parties are there, vouchers are not
            LOG.infof("demo vouchers not issued today: %s", e.code());
        }
        publicity(p, applicant, e1, uscc(p.divisionCode().substring(0, 2) + "0104", 21));
        LOG.infof("demo data loaded for %s: enterprises %s %s %s; admitted providers %s %s; applying %s",
                p, e1, e2, e3, lab, ip, applicant);
    }

    /**
     * P9, P12, P13, P6: a mandate of the first enterprise to the demo service point, a public report, a notice and a
     * YRD-wide typical case, and the announcement of the next draw window's draw, if the policy has one.
     */
    private void publicity(Province p, String applicant, String e1, String agent) {
        LocalDate today = TimeSource.today(clock);
        mandates.grant(e1, agent, Set.of(Mandate.Scope.APPLY, Mandate.Scope.FILE), today.plusDays(365));
        reports.file(PublicReport.SubjectKind.PROVIDER, applicant, "演示：有人反映该机构以创新券名义收取额外费用。", null);
        notices.publish(new NoticeService.Draft(Notice.Kind.NOTICE, p.nameZh() + "科技创新券申领指南（演示）",
                "企业注册后即可在线申领创新券；额度、窗口和兑付方式见本省现行政策。", null, null, null, false));
        notices.publish(new NoticeService.Draft(Notice.Kind.CASE, p.nameZh() + "典型案例（演示）：跨省检测",
                "一家科技型中小企业使用创新券，在长三角另一省市的检测机构完成了新材料性能检测。",
                "TESTING_INSPECTION_CERTIFICATION", 1_200_000L, 600_000L, true));
        for (var w : policies.current().policy().applicationWindows()) {
            if (w.draw()) {
                LocalDate opens = w.from().atYear(today.getYear());
                try {
                    draws.announce(today.isBefore(opens) ? opens : w.from().atYear(today.getYear() + 1));
                } catch (ProblemException e) {
                    LOG.infof("demo draw not announced: %s", e.code());
                }
            }
        }
    }

    private void enterprise(String uscc, String name, String district) {
        enterprises.register(new Enterprises.Registration(uscc, name, RecipientType.TECH_SME,
                "DEMO" + uscc.substring(8, 17), 2025, district, null, null));
    }

    static String uscc(String district, int n) {
        String first17 = "91" + district + String.format("DEM%06d", n);
        return first17 + Uscc.checkCharacter(first17);
    }
}
