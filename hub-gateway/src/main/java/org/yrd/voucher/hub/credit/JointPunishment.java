package org.yrd.voucher.hub.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.hub.registry.HubProvider;
import org.yrd.voucher.hub.registry.Recognition;

/**
 * Joint punishment (P13): an entry on any province's negative list goes on the YRD list, which every node
 * replicates; a sanctioned provider's recognition is withdrawn.
 */
@ApplicationScoped
public class JointPunishment {
    private final EntityManager em;
    private final Outbox outbox;
    private final Recognition recognition;

    private final java.time.Clock clock;

    JointPunishment(EntityManager em, Outbox outbox, Recognition recognition, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.recognition = recognition;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(CloudEvent e, Payloads.CreditReport r) {
        Provenance.require(e, r.province(), "a negative-list entry");
        em.createNativeQuery("""
                        INSERT INTO credit_entry (province, entry_id, party_uscc, party_kind, party_name, reason,
                          starts_on, ends_on, ended) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (province, entry_id) DO UPDATE SET reason = excluded.reason,
                          ends_on = excluded.ends_on, ended = excluded.ended""")
                .setParameter(1, r.province()).setParameter(2, r.entryId()).setParameter(3, r.partyUscc())
                .setParameter(4, r.partyKind()).setParameter(5, r.partyName()).setParameter(6, r.reason())
                .setParameter(7, r.startsOn()).setParameter(8, r.endsOn()).setParameter(9, r.ended())
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT province, entry_id, reason, starts_on, ends_on FROM credit_entry
                        WHERE party_uscc = ?1 AND NOT ended ORDER BY province, entry_id""")
                .setParameter(1, r.partyUscc()).getResultList();
        List<Payloads.CreditEntry> entries = rows.stream().map(x -> new Payloads.CreditEntry((String) x[0],
                (String) x[1], (String) x[2], TimeSource.date(x[3]), TimeSource.date(x[4]))).toList();
        outbox.publishState(Topics.CREDIT, r.partyUscc(), EventTypes.CREDIT_STATUS,
                new Payloads.CreditStatus(r.partyUscc(), r.partyKind(), r.partyName(), entries));
        HubProvider p = HubProvider.findById(r.partyUscc());
        if (p != null) {
            recognition.decide(p);
        }
    }

    /**
     * P13: an entry binds from its first day to its last (Listing.inForce), so a provider's recognition changes on
     * those days without any event: each night the providers whose entries began or ended in the past week are
     * decided again (a week, so that a night the hub was down is caught up).
     */
    @io.quarkus.scheduler.Scheduled(cron = "${hub.credit.day-change:0 1 0 * * ?}", timeZone = "Asia/Shanghai",
            identity = "credit-day-change", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void dayChanged() {
        LocalDate today = TimeSource.today(clock);
        @SuppressWarnings("unchecked")
        List<String> parties = em.createNativeQuery("""
                        SELECT DISTINCT party_uscc FROM credit_entry WHERE NOT ended
                          AND (starts_on BETWEEN ?1 AND ?2 OR ends_on BETWEEN ?3 AND ?4)""")
                .setParameter(1, today.minusDays(6)).setParameter(2, today)
                .setParameter(3, today.minusDays(7)).setParameter(4, today.minusDays(1)).getResultList();
        for (String party : parties) {
            HubProvider p = HubProvider.findById(party);
            if (p != null) {
                recognition.decide(p);
            }
        }
    }

    /** One province's entry on the YRD list, as the public sees it (P13 disclosure). */
    public record PublicEntry(String province, String partyUscc, String partyKind, String partyName, String reason,
                              LocalDate startsOn, LocalDate endsOn) {}

    /**
     * The YRD negative list as every node enforces it: each province's open entries, with the province that listed
     * the party, newest first.
     */
    public List<PublicEntry> open() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT province, party_uscc, party_kind, party_name, reason, starts_on, ends_on FROM credit_entry
                        WHERE NOT ended ORDER BY starts_on DESC, province, entry_id""").getResultList();
        return rows.stream().map(r -> new PublicEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], TimeSource.date(r[5]), TimeSource.date(r[6]))).toList();
    }
}
