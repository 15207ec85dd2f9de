package org.yrd.voucher.node.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.policy.Violation;

/**
 * New policy versions under maker–checker (P13 strict process management): one operator drafts a version, a second
 * confirms it and so publishes it ({@link PolicyService#publish}); the same person cannot do both. Every draft and
 * confirmation, and every refusal of the same person, is audited.
 */
@ApplicationScoped
public class PolicyDrafts {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final PolicyService policies;
    private final Audit audit;
    private final Caller caller;
    private final Ids ids;

    PolicyDrafts(EntityManager em, ObjectMapper json, Clock clock, PolicyService policies, Audit audit, Caller caller,
                 Ids ids) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.policies = policies;
        this.audit = audit;
        this.caller = caller;
        this.ids = ids;
    }

    /** A version drafted by one operator, in force only after a second operator of the province confirms it. */
    public record Draft(UUID id, LocalDate effectiveFrom, PolicyDocument policy, String note, OffsetDateTime draftedAt,
                        String draftedBy, String status, OffsetDateTime confirmedAt, String confirmedBy,
                        Integer version) {}

    /** Checks a new version (400 for a malformed policy, 422 for a past day) and keeps it as a draft. */
    @Transactional
    public Draft draft(PolicyDocument doc, LocalDate effectiveFrom, String note) {
        List<Violation> violations = new ArrayList<>();
        if (doc.toPolicy(violations) == null) {
            throw ProblemException.invalid(violations);
        }
        if (effectiveFrom.isBefore(TimeSource.today(clock))) {
            throw ProblemException.refused("policy-backdated", "P6", effectiveFrom);
        }
        Actor maker = caller.actor();
        UUID id = ids.next();
        try {
            em.createNativeQuery("""
                            INSERT INTO policy_draft (id, effective_from, document, note, drafted_at, drafted_by,
                              drafted_by_subject, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'DRAFT')""")
                    .setParameter(1, id).setParameter(2, effectiveFrom).setParameter(3, json.writeValueAsString(doc))
                    .setParameter(4, note).setParameter(5, OffsetDateTime.now(clock)).setParameter(6, maker.label())
                    .setParameter(7, maker.subject()).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.record("policy.draft", id, "DRAFT", null, "effective from " + effectiveFrom);
        return drafts(id).get(0);
    }

    /**
     * Publishes a draft (P13 strict process management: maker–checker): a second operator confirms what the
     * first drafted; the same person cannot.
     */
    @Transactional
    public Draft confirm(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT document, effective_from, drafted_by, drafted_by_subject, status FROM policy_draft
                        WHERE id = ?1 FOR UPDATE""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("policy-draft", id);
        }
        Object[] row = rows.get(0);
        if (!"DRAFT".equals(row[4])) {
            throw ProblemException.conflict("draft-already-confirmed", id);
        }
        Actor checker = caller.actor();
        if (checker.subject().equals(row[3])) {
            audit.refusal("policy.confirm", id, "same-person-drafted");
            throw ProblemException.forbidden("same-person-drafted", "P13");
        }
        PolicyDocument doc;
        try {
            doc = json.readValue((String) row[0], PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy draft " + id + " unreadable", e);
        }
        PolicyService.PolicyVersion v = policies.publish(doc, TimeSource.date(row[1]),
                row[2] + " / " + checker.label());
        em.createNativeQuery("""
                        UPDATE policy_draft SET status = 'CONFIRMED', confirmed_at = ?1, confirmed_by = ?2,
                          confirmed_by_subject = ?3, version = ?4 WHERE id = ?5""")
                .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, checker.label())
                .setParameter(3, checker.subject()).setParameter(4, v.version()).setParameter(5, id).executeUpdate();
        audit.record("policy.confirm", id, "CONFIRMED", null, "version " + v.version() + " from " + v.effectiveFrom());
        return drafts(id).get(0);
    }

    /** Drafts, newest first; {@code id} null for all of them. */
    @SuppressWarnings("unchecked")
    public List<Draft> drafts(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, effective_from, document, note, drafted_at, drafted_by, status, confirmed_at,
                          confirmed_by, version FROM policy_draft WHERE cast(?1 AS uuid) IS NULL OR id = cast(?1 AS uuid)
                        ORDER BY drafted_at DESC LIMIT 200""").setParameter(1, id == null ? null : id.toString())
                .getResultList();
        return rows.stream().map(r -> {
            try {
                return new Draft((UUID) r[0], TimeSource.date(r[1]),
                        json.readValue((String) r[2], PolicyDocument.class), (String) r[3], TimeSource.utc(r[4]),
                        (String) r[5], (String) r[6], TimeSource.utc(r[7]), (String) r[8],
                        r[9] == null ? null : ((Number) r[9]).intValue());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
