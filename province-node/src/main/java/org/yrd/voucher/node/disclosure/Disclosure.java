package org.yrd.voucher.node.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.node.provider.Provider;
import org.yrd.voucher.node.provider.ProviderStatus;

/** The read model of what the province publishes (P12, P13): admitted providers and voucher recipients. */
@ApplicationScoped
public class Disclosure {
    private final EntityManager em;

    Disclosure(EntityManager em) {
        this.em = em;
    }

    public record AdmittedProvider(String uscc, String name, Set<String> categories) {}

    public record Recipient(String uscc, String name, long issuedFen, long redeemedFen) {}

    public List<AdmittedProvider> admittedProviders() {
        return em.createQuery("from Provider where status = ?1 order by name", Provider.class)
                .setParameter(1, ProviderStatus.ADMITTED).getResultList().stream()
                .map(p -> new AdmittedProvider(p.uscc, p.name, p.categories())).toList();
    }

    /** Every enterprise issued vouchers, with what it was issued and what it redeemed. */
    public List<Recipient> recipients() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.uscc, e.name, sum(v.face_value_fen), sum(v.redeemed_fen)
                FROM voucher v JOIN enterprise e ON e.uscc = v.enterprise_uscc
                GROUP BY e.uscc, e.name ORDER BY e.name""").getResultList();
        return rows.stream().map(r -> new Recipient((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList();
    }
}
