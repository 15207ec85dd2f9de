package org.yrd.voucher.node.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.common.ProblemException;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.policy.PolicyService;

/** P5: providers apply voluntarily; the province's operator admits, rejects, suspends or revokes. */
@ApplicationScoped
public class Providers {
    private final Clock clock;
    private final NegativeList negativeList;
    private final PolicyService policies;
    private final Outbox outbox;
    private final NodeConfig config;
    private final EntityManager em;

    Providers(Clock clock, NegativeList negativeList, PolicyService policies, Outbox outbox, NodeConfig config,
              EntityManager em) {
        this.outbox = outbox;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.negativeList = negativeList;
        this.policies = policies;
    }

    @Transactional
    public Provider apply(String uscc, String name, List<String> categories, List<Provider.Qualification> qualifications) {
        var known = policies.current().policy().categories();
        for (int i = 0; i < categories.size(); i++) {
            if (!known.contains(categories.get(i))) {
                throw ProblemException.invalid("categories[" + i + "]",
                        "'" + categories.get(i) + "' is not a category of this province's policy (P2)");
            }
        }
        if (Provider.findById(uscc) != null) {
            throw ProblemException.conflict("provider-already-applied", uscc);
        }
        Provider p = new Provider();
        p.uscc = uscc;
        p.name = name;
        p.status = ProviderStatus.APPLIED;
        p.categoryList = String.join(",", new java.util.LinkedHashSet<>(categories));
        p.qualifications = List.copyOf(qualifications);
        p.appliedAt = OffsetDateTime.now(clock);
        p.updatedAt = p.appliedAt;
        p.persist();
        record(p, null, ProviderStatus.APPLIED, "application", "provider");
        return p;
    }

    /** Moves a provider along its lifecycle, with a reason; a listed provider is never admitted (P13). */
    @Transactional
    public Provider decide(String uscc, ProviderStatus next, String reason, String actor) {
        Provider p = Provider.findById(UsccParam.require("uscc", uscc), LockModeType.PESSIMISTIC_WRITE);
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
        if (next != ProviderStatus.REJECTED) {
            // P8, P14: the hub decides YRD-wide recognition from the home province's admission
            outbox.publish(Topics.PROVIDER_ADMISSIONS, p.uscc, EventTypes.PROVIDER_ADMISSION_CHANGED,
                    new Payloads.ProviderAdmission(config.province().name(), p.uscc, p.name, next.name(), p.categories(),
                            p.qualifications.stream().map(q -> new Payloads.Qualification(q.kind(), q.number())).toList(),
                            reason));
        }
        return p;
    }

    public Provider require(String uscc) {
        Provider p = Provider.findById(UsccParam.require("providerUscc", uscc));
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

    /** A provider an enterprise of this province may redeem with, and the province that vouches for it. */
    public record Standing(String uscc, String homeProvince, Set<String> categories) {}

    /**
     * This province's own admitted provider, or one the hub recognises YRD-wide (P5, P8, P14). The caller
     * checks the negative list (P13), with the other parties to its decision in one query.
     */
    public Standing standing(String uscc) {
        // one round trip for both places a provider can come from; this province's own record comes first
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT true, status, NULL, categories FROM provider WHERE uscc = ?1
                        UNION ALL
                        SELECT false, NULL, home_province, categories FROM provider_registry WHERE uscc = ?1 AND recognised
                        ORDER BY 1 DESC""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("provider").addSynchronizedQuerySpace("provider_registry")
                .setParameter(1, UsccParam.require("providerUscc", uscc)).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.refused("provider-not-recognised", "P14", uscc);
        }
        Object[] row = rows.get(0);
        boolean local = (Boolean) row[0];
        if (local && !ProviderStatus.ADMITTED.name().equals(row[1])) {
            throw ProblemException.refused("provider-not-admitted", "P5", uscc, row[1]);
        }
        return new Standing(uscc, local ? config.province().name() : (String) row[2],
                new LinkedHashSet<>(Arrays.asList(((String) row[3]).split(","))));
    }

    public List<ProviderStatusChange> history(String uscc) {
        return ProviderStatusChange.list("providerUscc = ?1 order by id", uscc);
    }

    private void record(Provider p, ProviderStatus from, ProviderStatus to, String reason, String actor) {
        ProviderStatusChange c = new ProviderStatusChange();
        c.providerUscc = p.uscc;
        c.fromStatus = from;
        c.toStatus = to;
        c.reason = reason;
        c.actor = actor;
        c.at = OffsetDateTime.now(clock);
        c.persist();
    }
}
