package org.yrd.voucher.node.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.common.Paging;
import org.yrd.voucher.edge.ProblemException;
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

    Providers(Clock clock, NegativeList negativeList, PolicyService policies, Outbox outbox, NodeConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.negativeList = negativeList;
        this.policies = policies;
    }

    @Transactional
    public Provider apply(String uscc, String name, List<String> categories, List<Provider.Qualification> qualifications) {
        var known = policies.current().policy().categories();
        for (int i = 0; i < categories.size(); i++) {
            if (!known.contains(categories.get(i))) {
                throw ProblemException.invalid("categories[" + i + "]", "category-not-in-policy", categories.get(i));
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
     * The columns {@link #standing(String, Object[], int)} reads, from the joins {@link #standingFrom(String)}
     * adds to a query; a caller that needs more than the standing reads it all in one round trip.
     */
    public static final String STANDING_COLUMNS = "p.status, p.categories, y.home_province, y.categories";

    /** Left joins of this province's record and the YRD registry's for the provider named by {@code param}. */
    public static String standingFrom(String param) {
        return """
                (SELECT 1) AS one LEFT JOIN provider p ON p.uscc = %1$s
                LEFT JOIN provider_registry y ON y.uscc = %1$s AND y.recognised""".formatted(param);
    }

    /**
     * The provider's standing from {@link #STANDING_COLUMNS} at {@code at} in {@code row}: this province's own
     * record comes first and must be admitted (P5); otherwise the hub's recognition makes it usable (P8, P14).
     * The caller checks the negative list (P13), with the other parties to its decision in the same query.
     */
    public Standing standing(String uscc, Object[] row, int at) {
        UsccParam.require("providerUscc", uscc);
        String localStatus = (String) row[at];
        if (localStatus != null) {
            if (!ProviderStatus.ADMITTED.name().equals(localStatus)) {
                throw ProblemException.refused("provider-not-admitted", "P5", uscc, localStatus);
            }
            return new Standing(uscc, config.province().name(), categories((String) row[at + 1]));
        }
        if (row[at + 2] == null) {
            throw ProblemException.refused("provider-not-recognised", "P14", uscc);
        }
        return new Standing(uscc, (String) row[at + 2], categories((String) row[at + 3]));
    }

    private static Set<String> categories(String csv) {
        return new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }

    /** One page of this province's providers, optionally in one state, earliest application first. */
    public List<Provider> list(ProviderStatus status, Paging page) {
        var query = status == null ? Provider.<Provider>find("order by appliedAt, uscc")
                : Provider.<Provider>find("status = ?1 order by appliedAt, uscc", status);
        return query.range(page.offset(), page.last()).list();
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
