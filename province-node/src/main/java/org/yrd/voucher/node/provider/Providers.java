package org.yrd.voucher.node.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;

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
    public List<Provider> list(ProviderStatus status, ListQuery q, Paging page) {
        return em.createQuery("""
                        from Provider where (:status is null or status = :status)
                          and appliedAt >= :from and appliedAt < :before
                          and (:text = '' or uscc = :code or name ilike :like)
                        order by appliedAt, uscc""", Provider.class)
                .setParameter("status", status).setParameter("from", q.from()).setParameter("before", q.before())
                .setParameter("text", q.text()).setParameter("code", q.code()).setParameter("like", q.like())
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /** A provider's admission history, oldest first. */
    public List<ProviderStatusChange> history(String uscc) {
        return em.createQuery("from ProviderStatusChange where providerUscc = ?1 order by id", ProviderStatusChange.class)
                .setParameter(1, uscc).getResultList();
    }
}
