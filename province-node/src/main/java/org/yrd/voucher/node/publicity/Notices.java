package org.yrd.voucher.node.publicity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;

/** Notices and typical cases in the database. */
@ApplicationScoped
public class Notices {
    private final EntityManager em;

    Notices(EntityManager em) {
        this.em = em;
    }

    void add(Notice n) {
        em.persist(n);
    }

    Notice lock(UUID id) {
        Notice n = em.find(Notice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw ProblemException.notFound("notice", id);
        }
        return n;
    }

    /** A published notice, or 404 (also once withdrawn, for the public). */
    Notice published(UUID id) {
        Notice n = em.find(Notice.class, id);
        if (n == null || n.withdrawnAt != null) {
            throw ProblemException.notFound("notice", id);
        }
        return n;
    }

    /** Published and not withdrawn, newest first; {@code kind} null: both kinds. */
    List<Notice> published(Notice.Kind kind, Paging page) {
        var q = em.createQuery("FROM Notice WHERE withdrawnAt IS NULL" + (kind == null ? "" : " AND kind = ?1")
                + " ORDER BY publishedAt DESC, id", Notice.class);
        if (kind != null) {
            q.setParameter(1, kind);
        }
        return q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /** Everything, withdrawn too, newest first: the operator's list. */
    List<Notice> all(Paging page) {
        return em.createQuery("FROM Notice ORDER BY publishedAt DESC, id", Notice.class)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }
}
