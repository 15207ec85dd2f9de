package org.yrd.voucher.node.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.yrd.voucher.edge.ProblemException;

/** Draws and their applications in the database (P6). */
@ApplicationScoped
public class Draws {
    private final EntityManager em;

    Draws(EntityManager em) {
        this.em = em;
    }

    void add(DrawRound d) {
        em.persist(d);
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("draw-announced", d.opensOn);
        }
    }

    DrawRound find(UUID id) {
        DrawRound d = em.find(DrawRound.class, id);
        if (d == null) {
            throw ProblemException.notFound("draw", id);
        }
        return d;
    }

    DrawRound lock(UUID id) {
        DrawRound d = em.find(DrawRound.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("draw", id);
        }
        return d;
    }

    DrawRound opening(LocalDate opensOn) {
        return em.createQuery("FROM DrawRound WHERE opensOn = ?1", DrawRound.class).setParameter(1, opensOn)
                .getResultStream().findFirst().orElse(null);
    }

    List<DrawRound> all() {
        return em.createQuery("FROM DrawRound ORDER BY opensOn DESC", DrawRound.class).getResultList();
    }

    /** The draw's applications in id order, locked. */
    List<VoucherApplication> entries(UUID drawId, boolean lock) {
        var q = em.createQuery("FROM VoucherApplication WHERE drawId = ?1 ORDER BY id", VoucherApplication.class)
                .setParameter(1, drawId);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultList();
    }

    /** Adds a draw's application; a second one of the same enterprise meets the unique index (409). */
    void enter(VoucherApplication a) {
        em.persist(a);
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("draw-already-applied", a.enterpriseUscc);
        }
    }
}
