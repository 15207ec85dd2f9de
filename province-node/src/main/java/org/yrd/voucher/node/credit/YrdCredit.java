package org.yrd.voucher.node.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.yrd.voucher.events.Payloads;

/**
 * This node's replica of the YRD negative list (P13 joint punishment): a sanction in one province applies here
 * too. The one owner of the {@code yrd_credit} table; {@code party_listed()} reads it with the local list.
 */
@ApplicationScoped
public class YrdCredit {
    private final EntityManager em;
    private final Clock clock;

    YrdCredit(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** One province's entry on the YRD list, as this node's replica holds it (P13 disclosure). */
    public record YrdEntry(String province, String partyUscc, String partyKind, String partyName, String reason,
                           java.time.LocalDate startsOn, java.time.LocalDate endsOn) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    /**
     * The YRD negative list as this node enforces it (every entry the hub reports open, {@code party_listed}): a
     * sanction of another province applies here, and is shown here too, with the province that listed the party.
     */
    public java.util.List<YrdEntry> enforced() {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery(
                "SELECT party_uscc, party_kind, party_name, entries FROM yrd_credit WHERE listed ORDER BY party_uscc")
                .getResultList();
        java.util.List<YrdEntry> out = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            try {
                for (Payloads.CreditEntry e : JSON.readValue((String) r[3], Payloads.CreditEntry[].class)) {
                    out.add(new YrdEntry(e.province(), (String) r[0], (String) r[1], (String) r[2], e.reason(),
                            e.startsOn(), e.endsOn()));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
                throw new IllegalStateException("yrd_credit entries of " + r[0] + " are not the hub's JSON", malformed);
            }
        }
        out.sort(java.util.Comparator.comparing(YrdEntry::startsOn).reversed().thenComparing(YrdEntry::province));
        return out;
    }

    /** The hub's latest status of one party, with its entries as JSON, in the caller's transaction. */
    public void apply(Payloads.CreditStatus s, String entriesJson) {
        em.createNativeQuery("""
                        INSERT INTO yrd_credit (party_uscc, party_kind, party_name, listed, entries, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (party_uscc) DO UPDATE SET party_kind = excluded.party_kind,
                          party_name = excluded.party_name, listed = excluded.listed, entries = excluded.entries,
                          updated_at = excluded.updated_at""")
                .setParameter(1, s.partyUscc()).setParameter(2, s.partyKind()).setParameter(3, s.partyName())
                .setParameter(4, !s.entries().isEmpty()).setParameter(5, entriesJson)
                .setParameter(6, OffsetDateTime.now(clock)).executeUpdate();
    }
}
