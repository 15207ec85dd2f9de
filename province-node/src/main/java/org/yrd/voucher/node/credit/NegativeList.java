package org.yrd.voucher.node.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.edge.TimeSource;

/** P13: the negative list. A listed party cannot apply, be admitted, confirm or be paid. */
@ApplicationScoped
public class NegativeList {
    private final EntityManager em;
    private final Clock clock;
    private final Outbox outbox;
    private final NodeConfig config;

    NegativeList(EntityManager em, Clock clock, Outbox outbox, NodeConfig config) {
        this.em = em;
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
    }

    /** SQL that is true when party ?1 is listed on day ?2; other queries embed it to save a round trip. */
    public static final String LISTED_SQL = listedSql("?1");

    /** The one definition of "listed on day ?2" (P13), for the party that {@code party} names in a query. */
    public static String listedSql(String party) {
        return """
                (EXISTS (SELECT 1 FROM negative_list_entry e WHERE e.party_uscc = %1$s AND e.ended_at IS NULL
                         AND e.starts_on <= ?2 AND (e.ends_on IS NULL OR e.ends_on >= ?2))
                 OR EXISTS (SELECT 1 FROM yrd_credit c WHERE c.party_uscc = %1$s AND c.listed))""".formatted(party);
    }

    public boolean isListed(String uscc) {
        return (Boolean) em.createNativeQuery("SELECT " + LISTED_SQL)
                .setParameter(1, uscc).setParameter(2, TimeSource.today(clock)).getSingleResult();
    }

    /** A party to a decision, and the refusal code (P13) if it is listed. */
    public record Party(String uscc, String refusal) {}

    /**
     * Refuses with the P13 problem of the first of these parties that is listed today, in the order given;
     * one round trip for all of them.
     */
    public void refuseIfListed(Party... parties) {
        @SuppressWarnings("unchecked")
        List<String> listed = em.createNativeQuery(
                        "SELECT p.uscc FROM unnest(cast(?1 AS varchar[])) WITH ORDINALITY AS p(uscc, n) WHERE "
                                + listedSql("p.uscc") + " ORDER BY p.n LIMIT 1")
                // reads the lists only: a pending change to the redemption need not be flushed first
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("negative_list_entry").addSynchronizedQuerySpace("yrd_credit")
                .setParameter(1, Arrays.stream(parties).map(Party::uscc).toArray(String[]::new))
                .setParameter(2, TimeSource.today(clock)).getResultList();
        for (Party p : parties) {
            if (listed.contains(p.uscc())) {
                throw ProblemException.refused(p.refusal(), "P13", p.uscc());
            }
        }
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
        e.id = UUID.randomUUID();
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
        return e;
    }

    @Transactional
    public NegativeListEntry end(UUID id, String reason, String actor) {
        NegativeListEntry e = NegativeListEntry.findById(id);
        if (e == null) {
            throw ProblemException.notFound("negative-list entry", id);
        }
        if (e.endedAt != null) {
            throw ProblemException.conflict("entry-already-ended", id);
        }
        e.endedAt = OffsetDateTime.now(clock);
        e.endedBy = actor;
        e.endedReason = reason;
        report(e);
        return e;
    }

    /** P13 joint punishment: every local entry, and its end, goes to the hub for the YRD list. */
    private void report(NegativeListEntry e) {
        outbox.publish(Topics.CREDIT_REPORTS, e.partyUscc, EventTypes.CREDIT_REPORTED,
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
