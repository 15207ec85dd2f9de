package org.yrd.voucher.node.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.EventRefused;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.RiskRules;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * P13 risk prevention: screens every filed redemption with the policy library's rules, keeps the flags, lets an
 * operator confirm or clear each with a reason, and tells the hub, whose task group counts them per rule. A
 * flagged redemption is never approved automatically; one with a flag open or confirmed is neither approved
 * nor paid.
 */
@ApplicationScoped
public class RiskScreening {

    private final RiskFlags flags;
    private final Clock clock;
    private final Ids ids;
    private final Outbox outbox;
    private final NodeConfig config;
    private final Audit audit;
    private final Caller caller;

    RiskScreening(RiskFlags flags, Clock clock, Ids ids, Outbox outbox,
                  NodeConfig config, Audit audit, Caller caller) {
        this.flags = flags;
        this.clock = clock;
        this.ids = ids;
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
    }

    /** Screens a filing on facts read with the filing's own, in its transaction; returns the flags raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RiskFlag> screen(VoucherPolicy policy, UUID redemptionId, RiskRules.Facts facts) {
        List<RiskFlag> raised = new ArrayList<>();
        for (RiskRules.Flag flag : RiskRules.screen(policy, facts)) {
            raise(redemptionId, flag, RiskFlag.Source.NODE).ifPresent(raised::add);
        }
        return raised;
    }

    /** A rule the hub ran across provinces fired on one of this node's redemptions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raisedByHub(Payloads.RiskFlagRaised r) {
        if (!config.province().name().equals(r.province())) {
            throw new EventRefused(EventCheck.Reason.PROVENANCE, "a risk flag for " + r.province() + "'s redemption");
        }
        RiskRules.Rule rule;
        try {
            rule = RiskRules.Rule.valueOf(r.rule());
        } catch (IllegalArgumentException unknown) {
            throw new EventRefused(EventCheck.Reason.PAYLOAD, "rule: no risk rule of that name");
        }
        raise(UUID.fromString(r.redemptionId()), new RiskRules.Flag(rule, r.evidence()), RiskFlag.Source.HUB);
    }

    private java.util.Optional<RiskFlag> raise(UUID redemptionId, RiskRules.Flag flag, RiskFlag.Source source) {
        RiskFlag f = new RiskFlag();
        f.id = ids.next();
        f.redemptionId = redemptionId;
        f.rule = flag.rule();
        f.evidence = flag.evidence();
        f.source = source;
        f.status = RiskFlag.Status.OPEN;
        f.raisedAt = OffsetDateTime.now(clock);
        if (!flags.add(f)) {
            return java.util.Optional.empty();
        }
        audit.record(source == RiskFlag.Source.HUB ? Actor.system("hub") : Actor.system("risk-screening"),
                "risk.raised", redemptionId, f.rule.name(), null, f.evidence.toString());
        usage(f);
        return java.util.Optional.of(f);
    }

    /** Whether any rule fired on the redemption: it then waits for an operator (P13). */
    public boolean flagged(UUID redemptionId) {
        return !flags.ofRedemption(redemptionId).isEmpty();
    }

    public List<RiskFlag> ofRedemption(UUID redemptionId) {
        return flags.ofRedemption(redemptionId);
    }

    public List<RiskFlag> search(RiskFlag.Status status, ListQuery query, Paging page) {
        return flags.search(status, query, page);
    }

    public java.util.Map<UUID, RiskFlags.Parties> parties(java.util.Collection<UUID> redemptionIds) {
        return flags.parties(redemptionIds);
    }

    /**
     * Approval and payment wait until every flag is decided, and stop at a confirmed one (P13); {@code ofRedemption}
     * the redemption's flags as read with the rest of the step's facts.
     */
    public void requireSettled(UUID redemptionId, List<RiskFlag> ofRedemption) {
        for (RiskFlag f : ofRedemption) {
            if (f.status == RiskFlag.Status.OPEN) {
                throw ProblemException.conflict("risk-flags-open", redemptionId, f.rule);
            }
            if (f.status == RiskFlag.Status.CONFIRMED) {
                throw ProblemException.conflict("risk-confirmed", redemptionId, f.rule);
            }
        }
    }

    /**
     * P13 maker-checker: as {@link #requireSettled}, and the operator who cleared a flag of this redemption may not be
     * the one who approves it; clearing and approving take two people.
     */
    public void requireSettledForApproval(UUID redemptionId, Actor approver, List<RiskFlag> ofRedemption) {
        requireSettled(redemptionId, ofRedemption);
        for (RiskFlag f : ofRedemption) {
            if (f.status == RiskFlag.Status.CLEARED && approver.subject().equals(f.decidedBySubject)) {
                audit.refusal("redemption.approve", redemptionId, "same-person-cleared");
                throw ProblemException.forbidden("same-person-cleared", "P13");
            }
        }
    }

    /** An operator confirms the risk (the redemption is then rejected, not paid) or clears it, with a reason. */
    @Transactional
    public RiskFlag decide(UUID id, boolean confirmed, String reason) {
        RiskFlag f = flags.lock(id);
        if (f.status != RiskFlag.Status.OPEN) {
            throw ProblemException.conflict("risk-flag-decided", id, f.status);
        }
        Actor actor = caller.actor();
        f.status = confirmed ? RiskFlag.Status.CONFIRMED : RiskFlag.Status.CLEARED;
        f.decidedAt = OffsetDateTime.now(clock);
        f.decidedBy = actor.label();
        f.decidedBySubject = actor.subject();
        f.decisionReason = reason;
        audit.record("risk." + f.status.name().toLowerCase(java.util.Locale.ROOT), f.redemptionId, f.rule.name(),
                null, reason);
        usage(f);
        return f;
    }

    /** The task group counts flags per rule and outcome (P13, P8 data aggregation). */
    private void usage(RiskFlag f) {
        outbox.publish(Topics.USAGE, f.redemptionId.toString(), EventTypes.RISK_FLAG,
                new Payloads.RiskFlagUsage(config.province().name(), f.id.toString(), f.redemptionId.toString(),
                        f.rule.name(), f.source.name(), f.status.name(), clock.instant()));
    }
}
