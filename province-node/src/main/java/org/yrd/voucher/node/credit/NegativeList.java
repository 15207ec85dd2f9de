package org.yrd.voucher.node.credit;

import org.yrd.voucher.node.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.TimeSource;

/** P13: the negative list. A listed party cannot apply, be admitted, confirm or be paid. */
@ApplicationScoped
public class NegativeList {
    private final EntityManager em;
    private final Clock clock;
    private final Ids ids;
    private final Outbox outbox;
    private final NodeConfig config;

    private final Audit audit;
    private final Caller caller;

    NegativeList(EntityManager em, Clock clock, Ids ids, Outbox outbox, NodeConfig config, Audit audit, Caller caller) {
        this.caller = caller;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.ids = ids;
        this.outbox = outbox;
        this.config = config;
    }

    /** P13: whether the party is listed today, here or YRD-wide ({@code party_listed}, migration V6). */
    public boolean isListed(String uscc) {
        return (Boolean) em.createNativeQuery("SELECT party_listed(?1, ?2)")
                .setParameter(1, uscc).setParameter(2, TimeSource.today(clock)).getSingleResult();
    }

    /** Which of these parties are listed today, in one round trip. */
    public Set<String> listed(String... usccs) {
        @SuppressWarnings("unchecked")
        List<String> listed = em.createNativeQuery(
                        "SELECT p.uscc FROM unnest(cast(?1 AS varchar[])) AS p(uscc) WHERE party_listed(p.uscc, ?2)")
                // reads the lists only: a pending change to the redemption need not be flushed first
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("negative_list_entry").addSynchronizedQuerySpace("yrd_credit")
                .setParameter(1, usccs).setParameter(2, TimeSource.today(clock)).getResultList();
        return Set.copyOf(listed);
    }

    /** Refuses with a P13 problem when the party is listed today. */
    public void refuseIfListed(String uscc, String code) {
        if (isListed(uscc)) {
            throw ProblemException.refused(code, "P13", uscc);
        }
    }

    @Transactional
    public NegativeListEntry add(String uscc, NegativeListEntry.PartyKind kind, String name, String reason,
                                 LocalDate startsOn, LocalDate endsOn, String actor) {
        LocalDate start = startsOn == null ? TimeSource.today(clock) : startsOn;
        if (endsOn != null && endsOn.isBefore(start)) {
            throw ProblemException.invalid("endsOn", "ends-before-start");
        }
        NegativeListEntry e = new NegativeListEntry();
        e.id = ids.next();
        e.partyUscc = uscc;
        e.partyKind = kind;
        e.partyName = name;
        e.reason = reason;
        e.startsOn = start;
        e.endsOn = endsOn;
        e.listedBy = actor;
        e.listedAt = OffsetDateTime.now(clock);
        e.persist();
        report(e);
        audit.record("negative-list.add", e.partyUscc, "listed", null, reason);
        return e;
    }

    /**
     * P13 strict process management: an operator asks for the entry to end, with a reason; it stays in force until a
     * second operator confirms ({@link #confirmEnd}).
     */
    @Transactional
    public NegativeListEntry requestEnd(UUID id, String reason) {
        NegativeListEntry e = lock(id);
        if (e.endRequestedAt != null) {
            throw ProblemException.conflict("end-already-requested", id, e.endRequestedBy);
        }
        Actor actor = caller.actor();
        e.endRequestedAt = OffsetDateTime.now(clock);
        e.endRequestedBy = actor.label();
        e.endRequestedBySubject = actor.subject();
        e.endRequestedReason = reason;
        audit.record("negative-list.end-requested", e.partyUscc, "end-requested", null, reason);
        return e;
    }

    /** A second operator ends the entry as asked; the one who asked may not (P13 maker-checker). */
    @Transactional
    public NegativeListEntry confirmEnd(UUID id) {
        NegativeListEntry e = lock(id);
        if (e.endRequestedAt == null) {
            throw ProblemException.conflict("no-end-requested", id);
        }
        Actor actor = caller.actor();
        if (actor.subject().equals(e.endRequestedBySubject)) {
            audit.refusal("negative-list.end", e.partyUscc, "same-person-requested");
            throw ProblemException.forbidden("same-person-requested", "P13");
        }
        e.endedAt = OffsetDateTime.now(clock);
        e.endedBy = actor.label();
        e.endedReason = e.endRequestedReason;
        report(e);
        audit.record("negative-list.end", e.partyUscc, "ended", null,
                "asked by " + e.endRequestedBy + ": " + e.endRequestedReason);
        return e;
    }

    /** The entry, under its row lock, while it is in force; 404 or 409 otherwise. */
    private NegativeListEntry lock(UUID id) {
        NegativeListEntry e = NegativeListEntry.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("negative-list-entry", id);
        }
        if (e.endedAt != null) {
            throw ProblemException.conflict("entry-already-ended", id);
        }
        return e;
    }

    /** P13 joint punishment: every local entry, and its end, goes to the hub for the YRD list. */
    private void report(NegativeListEntry e) {
        outbox.publishState(Topics.CREDIT_REPORTS, e.partyUscc, EventTypes.CREDIT_REPORTED,
                new Payloads.CreditReport(config.province().name(), e.id.toString(), e.partyUscc, e.partyKind.name(),
                        e.partyName, e.reason, e.startsOn, e.endsOn, e.endedAt != null));
    }

    public List<NegativeListEntry> inForce() {
        LocalDate today = TimeSource.today(clock);
        return NegativeListEntry.<NegativeListEntry>list("endedAt is null order by listedAt").stream()
                .filter(e -> e.inForceOn(today)).toList();
    }

    public List<NegativeListEntry> all() {
        return NegativeListEntry.list("order by listedAt");
    }
}
