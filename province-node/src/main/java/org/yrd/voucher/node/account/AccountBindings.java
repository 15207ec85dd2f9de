package org.yrd.voucher.node.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;

/** Account bindings in the database. */
@ApplicationScoped
public class AccountBindings {
    private final EntityManager em;

    AccountBindings(EntityManager em) {
        this.em = em;
    }

    void add(AccountBinding b) {
        em.persist(b);
        em.flush(); // the open-request index answers now, as a 409, not at commit
    }

    /** The account's latest request, if any. */
    Optional<AccountBinding> latestOf(String subject) {
        return em.createQuery("FROM AccountBinding WHERE subject = ?1 ORDER BY requestedAt DESC", AccountBinding.class)
                .setParameter(1, subject).setMaxResults(1).getResultStream().findFirst();
    }

    /** A pending request under its row lock; 404 if unknown, 409 if already decided. */
    AccountBinding lockPending(UUID id) {
        AccountBinding b = em.find(AccountBinding.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.notFound("account-binding", id);
        }
        if (b.status != AccountBinding.Status.PENDING) {
            throw ProblemException.conflict("account-binding-decided", id, b.status);
        }
        return b;
    }

    /** One page of requests in a state, oldest first. */
    List<AccountBinding> inStatus(AccountBinding.Status status, Paging page) {
        return em.createQuery("FROM AccountBinding WHERE status = ?1 ORDER BY requestedAt, id", AccountBinding.class)
                .setParameter(1, status).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }
}
