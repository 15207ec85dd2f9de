package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.ledger.Ledger;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.node.policy.PolicyService.PolicyVersion;
import org.yrd.voucher.node.provider.ProviderService;
import org.yrd.voucher.node.risk.RiskScreening;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.policy.DocumentNumbers;
import org.yrd.voucher.policy.FilingRules;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RiskRules;

/**
 * Filing a redemption (P2, P3, P5, P6, P7, P13, P14): the policy library decides from the facts read in one statement
 * ({@link RedemptionStore#filingFacts}); the filing is written with its amount held on the voucher and its ledger
 * entry by one statement that re-checks those facts ({@link RedemptionStore#filed}), then screened for risk and, for
 * another province's provider, sent to the hub, all in one transaction. What follows a filing is
 * {@link RedemptionService}'s.
 */
@ApplicationScoped
public class RedemptionFiling {
    private final RedemptionStore store;
    private final Clock clock;
    private final Ids ids;
    private final PolicyService policies;
    private final Ledger ledger;
    private final NodeConfig config;
    private final Outbox outbox;
    private final RiskScreening risk;
    private final RedemptionJournal journal;

    RedemptionFiling(RedemptionStore store, Clock clock, Ids ids, PolicyService policies,
                     Ledger ledger, NodeConfig config, Outbox outbox, RiskScreening risk, RedemptionJournal journal) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.policies = policies;
        this.ledger = ledger;
        this.config = config;
        this.outbox = outbox;
        this.risk = risk;
        this.journal = journal;
    }

    /** What the enterprise files: a completed purchase from an admitted provider. */
    public record Filing(UUID voucherId, String providerUscc, String category, RedemptionRules.Declarations declarations,
                         String contractNo, String invoiceNo, long actualExpenditureFen, long requestedFen,
                         LocalDate completionDate, boolean relationDeclared) {}

    @Transactional
    public Redemption file(String enterpriseUscc, Filing f) {
        UsccParam.require("uscc", enterpriseUscc);
        LocalDate today = TimeSource.today(clock);
        if (f.completionDate().isAfter(today)) {
            throw ProblemException.invalid("completionDate", "completion-in-future");
        }
        // P3, P13: one invoice is one invoice however it is typed (case, width, spaces, hyphens): its key is what
        // is compared here, held unique per provider, and hashed for the other provinces
        String invoiceKey = DocumentNumbers.key(f.invoiceNo());
        if (invoiceKey.isEmpty()) {
            throw ProblemException.invalid("invoiceNo", "document-number-empty");
        }
        if (DocumentNumbers.key(f.contractNo()).isEmpty()) {
            throw ProblemException.invalid("contractNo", "document-number-empty");
        }
        String invoiceHash = InvoiceHash.of(config.federation().invoiceHashKey(), f.providerUscc(), invoiceKey);
        PolicyVersion pv = policies.current();
        for (int attempt = 1; ; attempt++) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            var facts = store.filingFacts(enterpriseUscc, f.voucherId(), f.providerUscc(), invoiceKey, invoiceHash,
                    today, now.minusDays(pv.policy().risk().splitPeriodDays()));
            if (facts.enterpriseName() == null) {
                throw ProblemException.notFound("enterprise", enterpriseUscc);
            }
            Voucher v = facts.voucher();
            if (v == null || !v.enterpriseUscc.equals(enterpriseUscc)) {
                throw ProblemException.notFound("voucher", f.voucherId());
            }
            FilingRules.ProviderStanding standing = ProviderService.standing(facts.providerStatus(),
                    facts.providerCategories(), facts.recognisedBy(), facts.recognisedCategories());
            var filing = new FilingRules.Filing(enterpriseUscc, f.providerUscc(), f.invoiceNo(), f.completionDate(),
                    f.category(), f.declarations(), f.requestedFen(), f.actualExpenditureFen());
            var decision = FilingRules.evaluate(pv.policy(), filing, new FilingRules.Facts(today,
                    facts.enterpriseListed(), facts.providerListed(), standing, v.facts(), facts.invoiceTaken()));
            if (decision instanceof RedemptionRules.Refused r) {
                throw ProblemException.refused(r.refusal());
            }
            if (decision instanceof RedemptionRules.Conflict c) {
                throw ProblemException.conflict(c.refusal().code(), c.refusal().args().toArray());
            }
            Redemption r = redemption(enterpriseUscc, f, (RedemptionRules.Granted) decision, pv, v, facts, standing,
                    invoiceKey, invoiceHash, now);
            // the redemption, the hold on the voucher and its ledger entry: one statement, if the facts still hold
            if (!store.filed(r, facts, today, now)) {
                RedemptionStore.lostRace("voucher " + f.voucherId(), attempt);
                continue;
            }
            journal.filed(r);
            ledger.recorded(v.hold(r.voucherAmountFen, r.id, pv.version()));
            // P13 risk prevention: screened as it is filed, before anyone confirms or approves it; the provider's
            // income read before this filing, which it now includes
            risk.screen(pv.policy(), r.id, new RiskRules.Facts(r.voucherAmountFen, facts.priors(),
                    facts.enterpriseContact().sharedWith(facts.providerStatus() == null ? null
                            : facts.providerContact()), r.relationDeclared,
                    facts.providerIncomeFen() + r.voucherAmountFen, facts.groupIncomeFen() + r.voucherAmountFen));
            published(r, facts.enterpriseName());
            return r;
        }
    }

    /** The redemption the decision grants, filed now. */
    private Redemption redemption(String enterpriseUscc, Filing f, RedemptionRules.Granted granted, PolicyVersion pv,
                                  Voucher v, RedemptionStore.FilingFacts facts, FilingRules.ProviderStanding standing,
                                  String invoiceKey, String invoiceHash, OffsetDateTime now) {
        String providerProvince = standing instanceof FilingRules.Recognised y ? y.homeProvince()
                : config.province().name();
        Redemption r = new Redemption();
        r.id = ids.next();
        r.voucherId = v.id;
        r.budgetYear = v.budgetYear;
        r.enterpriseUscc = enterpriseUscc;
        r.districtCode = facts.enterpriseDistrict();
        r.providerUscc = f.providerUscc();
        r.providerProvince = providerProvince;
        r.invoiceHash = invoiceHash;
        r.category = f.category();
        r.contractNo = f.contractNo();
        r.invoiceNo = f.invoiceNo();
        r.invoiceKey = invoiceKey;
        r.completionDate = f.completionDate();
        r.actualExpenditureFen = f.actualExpenditureFen();
        r.requestedFen = f.requestedFen();
        r.voucherAmountFen = granted.voucherAmountFen();
        r.enterpriseShareFen = granted.enterpriseShareFen();
        // P6: a trimmed amount says what trimmed it
        r.trimmedBy = RedemptionRules.trimmedBy(pv.policy(), f.requestedFen(), f.actualExpenditureFen(),
                v.availableFen());
        // P7: PRE_SUBSIDY pays the provider, POST_SUBSIDY reimburses the enterprise
        r.payee = granted.payee();
        r.payeeUscc = granted.payee() == RedemptionMode.Payee.PROVIDER ? f.providerUscc() : enterpriseUscc;
        r.policyVersion = pv.version();
        r.relationDeclared = f.relationDeclared();
        r.filed(now);
        return r;
    }

    /** For another province's provider, the request that its node asks it to confirm, through the hub. */
    private void published(Redemption r, String enterpriseName) {
        if (r.isCrossRegion(config.province().name())) {
            // the provider confirms on its own node; the hub checks the invoice across provinces and routes
            outbox.publish(Topics.HUB_REQUESTS, r.id.toString(), EventTypes.REDEMPTION_REQUESTED,
                    new Payloads.CrossRegionRequest(r.id.toString(), config.province().name(), r.providerProvince,
                            r.providerUscc, r.enterpriseUscc, enterpriseName, r.category, r.contractNo,
                            r.invoiceHash, r.actualExpenditureFen, r.voucherAmountFen, r.completionDate,
                            r.filedAt.toInstant()));
        }
    }
}
