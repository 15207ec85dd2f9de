package org.yrd.voucher.hub.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
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
    private final Provenance provenance;
    private final Recognition recognition;

    JointPunishment(EntityManager em, Outbox outbox, Provenance provenance, Recognition recognition) {
        this.em = em;
        this.outbox = outbox;
        this.provenance = provenance;
        this.recognition = recognition;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(CloudEvent e, Payloads.CreditReport r) {
        if (!provenance.from(e, r.province(), "a negative-list entry")) {
            return;
        }
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
                (String) x[1], (String) x[2], date(x[3]), date(x[4]))).toList();
        outbox.publish(Topics.CREDIT, r.partyUscc(), EventTypes.CREDIT_STATUS,
                new Payloads.CreditStatus(r.partyUscc(), r.partyKind(), r.partyName(), entries));
        HubProvider p = HubProvider.findById(r.partyUscc());
        if (p != null) {
            recognition.decide(p);
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
                (String) r[4], date(r[5]), date(r[6]))).toList();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
