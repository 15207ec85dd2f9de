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
