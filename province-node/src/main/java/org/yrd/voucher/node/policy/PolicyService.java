package org.yrd.voucher.node.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.policy.Violation;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * The province's policy, versioned and effective-dated (P6, P7, P15, P16): the versions stored, and which is in force
 * on a day. A decision uses the version in force on the day it is made and records that version's number. The first
 * version comes from the policy file ({@link PolicyFile}); later ones through the maker–checker drafts
 * ({@link PolicyDrafts}); the year's budget follows each ({@link BudgetYears}).
 */
@ApplicationScoped
public class PolicyService {
    private static final Duration SCHEDULE_TTL = Duration.ofSeconds(5);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    /** Versions never change once published, so their parsed form can be kept. */
    private final Map<Integer, PolicyVersion> parsed = new ConcurrentHashMap<>();
    /**
     * Which version starts when, newest first; reloaded after a publish here and at least every few
     * seconds, so a version published through another instance of this node is seen promptly.
     */
    private volatile Schedule schedule = new Schedule(List.of(), Long.MIN_VALUE);

    private record Start(int version, LocalDate effectiveFrom) {}

    /** {@code loadedAt} from {@link System#nanoTime()}: a cache age, not a business time. */
    private record Schedule(List<Start> starts, long loadedAt) {}

    private final BudgetYears budgetYears;

    PolicyService(EntityManager em, ObjectMapper json, Clock clock, BudgetYears budgetYears) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.budgetYears = budgetYears;
    }

    public record PolicyVersion(int version, LocalDate effectiveFrom, VoucherPolicy policy) {}

    /** The version in force today. */
    public PolicyVersion current() {
        return inForceOn(TimeSource.today(clock));
    }

    public PolicyVersion inForceOn(LocalDate day) {
        Schedule s = schedule;
        if (s.loadedAt() == Long.MIN_VALUE || System.nanoTime() - s.loadedAt() > SCHEDULE_TTL.toNanos()) {
            s = reloadSchedule();
        }
        return s.starts().stream().filter(start -> !start.effectiveFrom().isAfter(day)).findFirst()
                .map(start -> version(start.version()))
                .orElseThrow(() -> new IllegalStateException("no policy in force on " + day));
    }

    @SuppressWarnings("unchecked")
    private Schedule reloadSchedule() {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT version, effective_from FROM policy_version ORDER BY effective_from DESC, version DESC")
                .getResultList();
        Schedule s = new Schedule(rows.stream()
                .map(r -> new Start(((Number) r[0]).intValue(), TimeSource.date(r[1]))).toList(), System.nanoTime());
        schedule = s;
        return s;
    }

    public PolicyVersion version(int version) {
        return parsed.computeIfAbsent(version, v -> {
            Object[] row = (Object[]) em.createNativeQuery(
                            "SELECT effective_from, document FROM policy_version WHERE version = ?1")
                    .setParameter(1, v).getSingleResult();
            try {
                PolicyDocument doc = json.readValue((String) row[1], PolicyDocument.class);
                return new PolicyVersion(v, TimeSource.date(row[0]), doc.toPolicy(new ArrayList<>()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("policy version " + v + " unreadable", e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    public List<PolicyVersion> versions() {
        List<Number> ids = em.createNativeQuery("SELECT version FROM policy_version ORDER BY version").getResultList();
        return ids.stream().map(n -> version(n.intValue())).toList();
    }

    /**
     * Publishes a new version from a day on. A version cannot start in the past: decisions already made
     * keep the version they were made under.
     */
    @Transactional
    public PolicyVersion publish(PolicyDocument doc, LocalDate effectiveFrom, String actor) {
        List<Violation> violations = new ArrayList<>();
        VoucherPolicy policy = doc.toPolicy(violations);
        if (policy == null) {
            throw ProblemException.invalid(violations);
        }
        if (effectiveFrom.isBefore(TimeSource.today(clock))) {
            throw ProblemException.refused("policy-backdated", "P6", effectiveFrom);
        }
        em.createNativeQuery("LOCK TABLE policy_version IN EXCLUSIVE MODE").executeUpdate();
        int next = ((Number) em.createNativeQuery("SELECT coalesce(max(version), 0) + 1 FROM policy_version")
                .getSingleResult()).intValue();
        insert(next, effectiveFrom, policy, actor);
        budgetYears.follow(effectiveFrom.getYear(), policy);
        schedule = new Schedule(List.of(), Long.MIN_VALUE);
        return new PolicyVersion(next, effectiveFrom, policy);
    }

    /** The first version, from the policy file, when the node starts with none ({@link PolicyFile}). */
    void installFirst(VoucherPolicy policy, String source) {
        LocalDate today = TimeSource.today(clock);
        insert(1, LocalDate.of(today.getYear(), 1, 1), policy, "node start-up (" + source + ")");
        schedule = new Schedule(List.of(), Long.MIN_VALUE);
    }

    boolean anyVersion() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM policy_version").getSingleResult()).longValue() > 0;
    }

    private void insert(int version, LocalDate effectiveFrom, VoucherPolicy policy, String actor) {
        try {
            em.createNativeQuery("""
                            INSERT INTO policy_version (version, effective_from, document, published_at, published_by)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, version).setParameter(2, effectiveFrom)
                    .setParameter(3, json.writeValueAsString(PolicyDocument.of(policy)))
                    .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, actor)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
