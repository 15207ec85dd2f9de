package org.yrd.voucher.node.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.yrd.voucher.edge.Paging;

/** This province's providers in the database: the one owner of {@code provider} and its status history. */
@ApplicationScoped
public class Providers {
    private final EntityManager em;

    Providers(EntityManager em) {
        this.em = em;
    }

    /** The provider, or {@code null}. */
    public Provider find(String uscc) {
        return em.find(Provider.class, uscc);
    }

    /** The provider under its row lock, or {@code null}: one decision about a provider at a time. */
    Provider lock(String uscc) {
        return em.find(Provider.class, uscc, LockModeType.PESSIMISTIC_WRITE);
    }

    void add(Provider p) {
        em.persist(p);
    }

    void add(ProviderStatusChange c) {
        em.persist(c);
    }

    /** One page of this province's providers, optionally in one state, earliest application first. */
    public List<Provider> list(ProviderStatus status, Paging page) {
        var query = status == null
                ? em.createQuery("from Provider order by appliedAt, uscc", Provider.class)
                : em.createQuery("from Provider where status = ?1 order by appliedAt, uscc", Provider.class)
                .setParameter(1, status);
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /** A provider's admission history, oldest first. */
    public List<ProviderStatusChange> history(String uscc) {
        return em.createQuery("from ProviderStatusChange where providerUscc = ?1 order by id", ProviderStatusChange.class)
                .setParameter(1, uscc).getResultList();
    }
}
