package org.yrd.voucher.node.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.AgentMandates;

/** Service points' mandates in the database, and the check every request of a service point passes (P9). */
@ApplicationScoped
public class Mandates implements AgentMandates {
    private final EntityManager em;

    Mandates(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean allows(String enterpriseUscc, String agentUscc, Act act, LocalDate day) {
        return em.createQuery("FROM Mandate WHERE enterpriseUscc = ?1 AND agentUscc = ?2 AND revokedAt IS NULL",
                        Mandate.class).setParameter(1, enterpriseUscc).setParameter(2, agentUscc).getResultList()
                .stream().filter(m -> m.inForceOn(day))
                .anyMatch(m -> act == Act.READ || m.scopes().contains(Mandate.Scope.valueOf(act.name())));
    }

    void add(Mandate m) {
        em.persist(m);
    }

    Mandate lock(UUID id) {
        Mandate m = em.find(Mandate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("mandate", id);
        }
        return m;
    }

    List<Mandate> ofEnterprise(String enterpriseUscc) {
        return em.createQuery("FROM Mandate WHERE enterpriseUscc = ?1 ORDER BY grantedAt DESC", Mandate.class)
                .setParameter(1, enterpriseUscc).getResultList();
    }

    List<Mandate> ofAgent(String agentUscc) {
        return em.createQuery("FROM Mandate WHERE agentUscc = ?1 AND revokedAt IS NULL ORDER BY grantedAt DESC",
                Mandate.class).setParameter(1, agentUscc).getResultList();
    }
}
