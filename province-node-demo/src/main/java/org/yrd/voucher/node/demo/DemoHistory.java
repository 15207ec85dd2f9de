package org.yrd.voucher.node.demo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.provider.Provider;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.node.provider.ProviderStatus;
import org.yrd.voucher.node.redemption.Redemption;
import org.yrd.voucher.node.redemption.RedemptionFiling;
import org.yrd.voucher.node.redemption.RedemptionService;
import org.yrd.voucher.policy.RedemptionStatus;
import org.yrd.voucher.node.voucher.VoucherApplication;
import org.yrd.voucher.node.voucher.VoucherService;
import org.yrd.voucher.policy.Categories;
import org.yrd.voucher.policy.Province;
import org.yrd.voucher.policy.RecipientType;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * A few months of a province's programme for the demo: two dozen providers across every P2 category with their
 * qualifications, some fifty enterprises of the eligible recipient types in several districts, and
 * {@value #DAYS} days of applications (some waiting for or refused by an operator), redemptions confirmed,
 * disputed, left unanswered until they expire, approved, rejected and paid. It is played day by day on the
 * {@link DemoClock} set back, by the people whose step it is (a demo operator and finance officer), through the
 * same services as the API, so every record, audit entry and federation event is what the real steps make.
 * Deterministic per province. Redemptions with other provinces' providers follow later ({@link DemoCrossRegion}),
 * once the hub's registry has reached this node.
 */
@ApplicationScoped
public class DemoHistory {
    static final int DAYS = 120;
    static final int FIRST_PROVIDER = 30;
    private static final Logger LOG = Logger.getLogger(DemoHistory.class);
    /** Districts per province (GB/T 2260); Anhui's are inside its pilot zones and pools. */
    static final Map<Province, List<String>> DISTRICTS = Map.of(
            Province.SH, List.of("310115", "310104", "310112", "310110"),
            Province.JS, List.of("320505", "320106", "320211", "320583"),
            Province.ZJ, List.of("330106", "330108", "330212", "330402"),
            Province.AH, List.of("340104", "340111", "340202"));
    private static final String[] FIRM_STEMS = {"智能装备", "生物医药", "新材料", "集成电路", "新能源", "数字科技", "精密仪器",
        "环保科技", "医疗器械", "软件信息", "光电技术", "机器人", "储能科技", "工业互联网", "食品科技", "汽车零部件"};
    private static final Map<String, String> PROVIDER_STEMS = Map.ofEntries(
            Map.entry("RESEARCH_AND_DEVELOPMENT", "工业技术研究院"), Map.entry("TESTING_INSPECTION_CERTIFICATION", "检验检测中心"),
            Map.entry("TECHNOLOGY_TRANSFER", "技术转移中心"), Map.entry("INTELLECTUAL_PROPERTY", "知识产权代理事务所"),
            Map.entry("SCI_TECH_CONSULTING", "科技咨询服务公司"), Map.entry("SCI_TECH_FINANCE", "科技金融服务中心"),
            Map.entry("STARTUP_INCUBATION", "创业孵化器"), Map.entry("SCI_TECH_LITERATURE", "科技文献服务中心"),
            Map.entry("SCIENTIFIC_DATA", "科学数据中心"), Map.entry("SCI_TECH_REPORTS", "科技报告服务中心"),
            Map.entry("LABORATORY_ANIMALS", "实验动物中心"), Map.entry("BIOLOGICAL_GERMPLASM", "生物种质资源库"),
            Map.entry("RESEARCH_REAGENTS", "科研试剂平台"), Map.entry("INDUSTRIAL_DESIGN", "工业设计中心"),
            Map.entry("SCI_TECH_TRAINING", "科技培训学院"));
    private static final Map<String, String> QUALIFICATION = Map.of(
            "TESTING_INSPECTION_CERTIFICATION", "CMA", "RESEARCH_AND_DEVELOPMENT", "HIGH_TECH",
            "INTELLECTUAL_PROPERTY", "PATENT_AGENCY", "TECHNOLOGY_TRANSFER", "TECH_TRANSFER_ORG",
            "LABORATORY_ANIMALS", "ANIMAL_LICENCE", "STARTUP_INCUBATION", "INCUBATOR");

    private final DemoClock clock;
    private final ProviderService providers;
    private final Enterprises enterprises;
    private final VoucherService vouchers;
    private final RedemptionService redemptions;
    private final RedemptionFiling filing;
    private final PolicyService policies;
    private final CurrentIdentityAssociation identities;
    private final java.time.Clock now;

    DemoHistory(DemoClock clock, ProviderService providers, Enterprises enterprises, VoucherService vouchers,
                RedemptionService redemptions, RedemptionFiling filing, PolicyService policies, CurrentIdentityAssociation identities,
                java.time.Clock now) {
        this.now = now;
        this.clock = clock;
        this.providers = providers;
        this.enterprises = enterprises;
        this.vouchers = vouchers;
        this.redemptions = redemptions;
        this.filing = filing;
        this.policies = policies;
        this.identities = identities;
    }

    /** An enterprise of the history and where it stands. */
    private static final class Firm {
        final String uscc;
        int applyDay;
        UUID pendingApplication;
        int decideDay = -1;
        UUID voucher;
        int fileDay = -1;
        int filed;

        Firm(String uscc, int applyDay) {
            this.uscc = uscc;
            this.applyDay = applyDay;
        }
    }

    /** A filed redemption and what its provider, the operator and finance will do with it, and when. */
    private record Step(UUID redemption, String provider, int answerDay, char answer, int payDay) {}

    void play(Province p) {
        Random random = new Random(31L * p.ordinal() + 7);
        VoucherPolicy policy = policies.current().policy();
        Instant start = Instant.now().minus(Duration.ofDays(DAYS));
        int done = 0;
        try {
            at(start, 0, random);
            List<Provider> admitted = providers(p, policy, random);
            List<Firm> firms = enterprises(p, policy, random);
            List<Step> steps = new ArrayList<>();
            for (int day = 1; day <= DAYS; day++) {
                at(start, day, random);
                int today = day;
                for (Firm f : firms) {
                    if (f.applyDay == today) {
                        done += attempt(() -> apply(p, f, policy, random, today));
                    }
                    if (f.decideDay == today) {
                        done += attempt(() -> decide(p, f, random, today));
                    }
                    if (f.fileDay == today && f.voucher != null) {
                        done += attempt(() -> file(f, admitted, random, today, steps));
                    }
                }
                for (Step s : List.copyOf(steps)) {
                    if (s.answerDay() == today) {
                        done += attempt(() -> answer(p, s, random));
                    }
                    if (s.payDay() == today) {
                        steps.remove(s);
                        done += attempt(() -> pay(p, s, random));
                    }
                }
                redemptions.expireUnconfirmed();
            }
        } finally {
            clock.present();
        }
        LOG.infof("demo history of %d days played for %s: %d steps", DAYS, p, done);
    }

    /** The clock at {@code day} of the history, during office hours. */
    private void at(Instant start, int day, Random random) {
        clock.travelTo(start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(480))));
    }

    /** Runs one step; a step the policy refuses on that day (a closed window, a cap) is simply not part of the history. */
    private static int attempt(Runnable step) {
        try {
            step.run();
            return 1;
        } catch (ProblemException e) {
            LOG.debugf("demo step refused: %s", e.code());
            return 0;
        }
    }

    /** Whether a provider is one of the history's (numbered from 30), not one of the README's demo parties. */
    static boolean isHistoryProvider(String uscc) {
        return uscc.startsWith("DEM", 8) && Integer.parseInt(uscc.substring(11, 17)) >= FIRST_PROVIDER;
    }

    /** P2: two providers for every category of this province, with their qualifications; one still applying, one suspended. */
    private List<Provider> providers(Province p, VoucherPolicy policy, Random random) {
        List<Provider> admitted = new ArrayList<>();
        List<String> districts = DISTRICTS.get(p);
        int n = FIRST_PROVIDER;
        for (String category : policy.categories().stream().sorted().toList()) {
            for (int k = 0; k < 2; k++, n++) {
                String district = districts.get(random.nextInt(districts.size()));
                String uscc = DemoData.uscc(district, n);
                String name = p.nameZh() + (k == 0 ? "" : "长三角") + PROVIDER_STEMS.getOrDefault(category, "科技服务中心")
                        + (k == 0 ? "" : "（" + (char) ('甲' + random.nextInt(4)) + "）");
                List<String> categories = new ArrayList<>(List.of(category));
                if (random.nextInt(3) == 0) {
                    categories.add(Categories.COMMON.stream().sorted().toList().get(random.nextInt(Categories.COMMON.size())));
                }
                List<Provider.Qualification> qualifications = new ArrayList<>();
                qualifications.add(new Provider.Qualification(QUALIFICATION.getOrDefault(category, "ISO9001"),
                        "DEMO-" + p + "-" + n));
                if (category.equals("TESTING_INSPECTION_CERTIFICATION")) {
                    qualifications.add(new Provider.Qualification("CNAS", "L" + (1000 + n)));
                }
                providers.apply(uscc, name, categories.stream().distinct().toList(), qualifications, null);
                if (n == FIRST_PROVIDER + 3) {
                    continue; // still waiting for the operator's admission decision
                }
                admitted.add(providers.decide(uscc, ProviderStatus.ADMITTED, "材料齐全，符合服务机构准入条件", "operator-1"));
                if (n == FIRST_PROVIDER + 6) {
                    providers.decide(uscc, ProviderStatus.SUSPENDED, "资质证书到期，暂停至换证完成", "operator-1");
                    admitted.remove(admitted.size() - 1);
                }
            }
        }
        return admitted;
    }

    /** P1: some fifty enterprises in several districts, of every recipient type this province supports. */
    private List<Firm> enterprises(Province p, VoucherPolicy policy, Random random) {
        List<Firm> firms = new ArrayList<>();
        List<String> districts = DISTRICTS.get(p);
        boolean teams = policy.eligibleRecipients().contains(RecipientType.STARTUP_TEAM);
        for (int n = 100; n < 148; n++) {
            String district = districts.get(n % districts.size());
            String uscc = DemoData.uscc(district, n);
            boolean team = teams && n % 6 == 0;
            String stem = FIRM_STEMS[n % FIRM_STEMS.length];
            String name = team ? stem + "创业团队（" + p.nameZh() + n + "）" : p.nameZh() + stem + "有限公司" + (char) ('A' + n % 26);
            enterprises.register(new Enterprises.Registration(uscc, name, team ? RecipientType.STARTUP_TEAM : RecipientType.TECH_SME,
                    team ? null : "DEMO" + uscc.substring(8, 17), team ? null : 2024 + n % 2, district, null, null));
            // one in nine applies in the last days, above the auto-approval threshold where the caps allow: the
            // operator's queue of applications is never empty
            firms.add(new Firm(uscc, n % 9 == 0 ? DAYS - 1 - random.nextInt(8) : 1 + random.nextInt(DAYS - 10)));
        }
        return firms;
    }

    /** P6: an application; above the auto-approval threshold it waits for the operator. */
    private void apply(Province p, Firm f, VoucherPolicy policy, Random random, int today) {
        long[] amounts = {500_000, 800_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000, 5_000_000};
        long amount = Math.min(today > DAYS - 10 ? policy.autoApprovalThresholdFen() + 1_000_000 : amounts[random.nextInt(amounts.length)],
                policy.perApplicationCapFen());
        VoucherApplication a = vouchers.apply(f.uscc, amount);
        if (a.status == VoucherApplication.Status.PENDING) {
            f.pendingApplication = a.id;
            f.decideDay = today + 1 + random.nextInt(4);
        } else if (a.voucherId != null) {
            issued(f, a.voucherId, random, today);
        }
    }

    private void decide(Province p, Firm f, Random random, int today) {
        if (today > DAYS - 15) {
            return; // the last two weeks' are still in the operator's queue
        }
        VoucherApplication a = as(p, "operator-1", Roles.OPERATOR, () -> random.nextInt(8) == 0
                ? vouchers.reject(f.pendingApplication, "operator-1", "申报材料与科技型中小企业入库信息不一致")
                : vouchers.approve(f.pendingApplication, "operator-1", "材料齐全，同意发放"));
        if (a.voucherId != null) {
            issued(f, a.voucherId, random, today);
        }
    }

    private void issued(Firm f, UUID voucher, Random random, int today) {
        f.voucher = voucher;
        f.fileDay = today + 3 + random.nextInt(15);
    }

    /** P6, P3: a purchase from a provider of this province, redeemed; some enterprises come back for a second one. */
    private void file(Firm f, List<Provider> admitted, Random random, int today, List<Step> steps) {
        Provider provider = admitted.get(random.nextInt(admitted.size()));
        String category = provider.categories().stream().sorted().toList().get(random.nextInt(provider.categories().size()));
        long actual = (8 + random.nextInt(50)) * 100_000L;
        long requested = actual / 2;
        String ref = f.uscc.substring(10, 17) + "-" + (++f.filed);
        LocalDate completed = org.yrd.voucher.edge.TimeSource.today(now).minusDays(random.nextInt(10));
        Redemption r = filing.file(f.uscc, new RedemptionFiling.Filing(f.voucher, provider.uscc, category,
                new RedemptionRules.Declarations(false, false, false), "HT-" + ref, "FP-" + ref, actual, requested, completed, false));
        int roll = random.nextInt(100);
        char answer = roll < 6 ? 'D' : roll < 12 ? 'N' : 'C';       // dispute, no answer (expires), confirm
        int answerDay = today + 1 + random.nextInt(5);
        steps.add(new Step(r.id, provider.uscc, answerDay, answer, answerDay + 2 + random.nextInt(8)));
        if (f.filed < 2 && random.nextBoolean()) {
            f.fileDay = today + 10 + random.nextInt(20);
        }
    }

    /** The provider confirms or disputes (P8); above the threshold the operator decides, sometimes rejecting. */
    private void answer(Province p, Step s, Random random) {
        switch (s.answer()) {
            case 'C' -> {
                Redemption r = as(p, s.provider().toLowerCase(), Roles.PROVIDER, () -> redemptions.confirm(s.provider(), s.redemption()));
                if (r.status() == RedemptionStatus.PROVIDER_CONFIRMED && s.answerDay() < DAYS - 12) {
                    as(p, "operator-2", Roles.OPERATOR, () -> random.nextInt(10) == 0
                            ? redemptions.reject(s.redemption(), "发票内容与合同约定服务不符")
                            : redemptions.approve(s.redemption(), "服务已确认，票据齐全"));
                }
            }
            case 'D' -> as(p, s.provider().toLowerCase(), Roles.PROVIDER,
                    () -> redemptions.dispute(s.provider(), s.redemption(), "合同约定的服务尚未完成"));
            default -> { } // never answered: expires after the confirmation timeout
        }
    }

    /** Finance pays what was approved, except the last ten days' (still in its queue). */
    private void pay(Province p, Step s, Random random) {
        if (s.payDay() > DAYS - 10) {
            return;
        }
        as(p, "finance-1", Roles.FINANCE, () -> redemptions.pay(s.redemption(), "DEMO-BANK-" + (100000 + random.nextInt(900000))));
    }

    /** Runs {@code step} as a demo person of this province, as if that person had called the API. */
    <T> T as(Province p, String username, String role, Supplier<T> step) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            JwtClaims claims = new JwtClaims();
            claims.setSubject("demo-" + username);
            claims.setClaim("preferred_username", username);
            if (role.equals(Roles.OPERATOR) || role.equals(Roles.FINANCE)) {
                claims.setClaim(Roles.PROVINCE_CLAIM, p.name());
            } else {
                claims.setClaim(Roles.USCC_CLAIM, username.toUpperCase());
            }
            identities.setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new OidcJwtCallerPrincipal(claims, null)).addRole(role).build());
            return step.get();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }
}
