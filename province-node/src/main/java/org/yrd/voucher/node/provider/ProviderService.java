package org.yrd.voucher.node.provider;

import org.yrd.voucher.node.common.Contact;

import org.yrd.voucher.node.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.policy.Categories;
import org.yrd.voucher.policy.FilingRules;

/** P5: providers apply voluntarily; the province's operator admits, rejects, suspends or revokes. */
@ApplicationScoped
public class ProviderService {
    private final Providers providers;
    private final Clock clock;
    private final NegativeList negativeList;
    private final PolicyService policies;
    private final Outbox outbox;
    private final NodeConfig config;

    private final Audit audit;

    ProviderService(Providers providers, Clock clock, NegativeList negativeList, PolicyService policies, Outbox outbox,
                    NodeConfig config, Audit audit) {
        this.audit = audit;
        this.providers = providers;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.negativeList = negativeList;
        this.policies = policies;
    }

    @Transactional
    public Provider apply(String uscc, String name, List<String> categories, List<Provider.Qualification> qualifications,
                          Contact contact) {
        var known = policies.current().policy().categories();
        for (int i = 0; i < categories.size(); i++) {
            if (!known.contains(categories.get(i))) {
                throw ProblemException.invalid("categories[" + i + "]", "category-not-in-policy", categories.get(i));
            }
        }
        if (providers.find(uscc) != null) {
            throw ProblemException.conflict("provider-already-applied", uscc);
        }
        Provider p = new Provider();
        p.uscc = uscc;
        p.name = name;
        p.status = ProviderStatus.APPLIED;
        p.categoryList = Categories.join(categories);
        p.qualifications = List.copyOf(qualifications);
        p.contact = contact == null ? new Contact() : contact;
        p.appliedAt = OffsetDateTime.now(clock);
        p.updatedAt = p.appliedAt;
        providers.add(p);
        record(p, null, ProviderStatus.APPLIED, "application", "provider");
        audit.record("provider.applied", p.uscc, ProviderStatus.APPLIED.name(), null, null);
        return p;
    }

    /** Moves a provider along its lifecycle, with a reason; a listed provider is never admitted (P13). */
    @Transactional
    public Provider decide(String uscc, ProviderStatus next, String reason, String actor) {
        Provider p = providers.lock(UsccParam.require("uscc", uscc));
        if (p == null) {
            throw ProblemException.notFound("provider", uscc);
        }
        if (!p.status.canBecome(next)) {
            throw ProblemException.conflict("illegal-provider-transition", p.status, next);
        }
        if (next == ProviderStatus.ADMITTED) {
            negativeList.refuseIfListed(uscc, "provider-negative-listed");
        }
        ProviderStatus from = p.status;
        p.status = next;
        p.updatedAt = OffsetDateTime.now(clock);
        record(p, from, next, reason, actor);
        audit.record("provider." + next.name().toLowerCase(java.util.Locale.ROOT), p.uscc, next.name(), null, reason);
        if (next != ProviderStatus.REJECTED) {
            // P8, P14: the hub decides YRD-wide recognition from the home province's admission
            outbox.publishState(Topics.PROVIDER_ADMISSIONS, p.uscc, EventTypes.PROVIDER_ADMISSION_CHANGED,
                    new Payloads.ProviderAdmission(config.province().name(), p.uscc, p.name, next.name(), p.categories(),
                            p.qualifications.stream().map(q -> new Payloads.Qualification(q.kind(), q.number())).toList(),
                            reason));
        }
        return p;
    }

    public Provider require(String uscc) {
        Provider p = providers.find(UsccParam.require("providerUscc", uscc));
        if (p == null) {
            throw ProblemException.notFound("provider", uscc);
        }
        return p;
    }

    /** P5 + P13: a provider in good standing today: admitted and not on the negative list. */
    public void requireInGoodStanding(Provider p) {
        if (p.status != ProviderStatus.ADMITTED) {
            throw ProblemException.refused("provider-not-admitted", "P5", p.uscc, p.status);
        }
        negativeList.refuseIfListed(p.uscc, "provider-negative-listed");
    }

    /**
     * Where a provider stands for this province (P5, P8, P14), from its local record's state and categories and
     * the hub's recognition of it (each {@code null} when absent): this province's own record comes first.
     */
    public static FilingRules.ProviderStanding standing(String localStatus, String localCategories,
                                                        String recognisedBy, String recognisedCategories) {
        if (localStatus != null) {
            return new FilingRules.Local(ProviderStatus.ADMITTED.name().equals(localStatus), localStatus,
                    Categories.split(localCategories));
        }
        if (recognisedBy == null) {
            return new FilingRules.Unknown();
        }
        return new FilingRules.Recognised(recognisedBy, Categories.split(recognisedCategories));
    }

    private void record(Provider p, ProviderStatus from, ProviderStatus to, String reason, String actor) {
        ProviderStatusChange c = new ProviderStatusChange();
        c.providerUscc = p.uscc;
        c.fromStatus = from;
        c.toStatus = to;
        c.reason = reason;
        c.actor = actor;
        c.at = OffsetDateTime.now(clock);
        providers.add(c);
    }
}
