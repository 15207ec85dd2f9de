package org.yrd.voucher.node.policy;

import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.TimeSource;
import java.util.Locale;
import org.yrd.voucher.policy.Violation;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * The province's policy, versioned and effective-dated (P6, P7, P15, P16). A decision uses the version in
 * force on the day it is made and records that version's number.
 */
@ApplicationScoped
public class PolicyService {
    private static final Logger LOG = Logger.getLogger(PolicyService.class);
    private static final Duration SCHEDULE_TTL = Duration.ofSeconds(5);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final NodeConfig config;
    private final TransactionSynchronizationRegistry transactions;
    /** Versions never change once published, so their parsed form can be kept. */
    private final Map<Integer, PolicyVersion> parsed = new ConcurrentHashMap<>();
    /**
     * Which version starts when, newest first; reloaded after a publish here and at least every few
     * seconds, so a version published through another instance of this node is seen promptly.
     */
    private volatile Schedule schedule = new Schedule(List.of(), Long.MIN_VALUE);
    /** Budget years known to exist (committed), so issuing does not ask again. */
    private final Set<Integer> budgetYears = ConcurrentHashMap.newKeySet();

    private record Start(int version, LocalDate effectiveFrom) {}

    /** {@code loadedAt} from {@link System#nanoTime()}: a cache age, not a business time. */
    private record Schedule(List<Start> starts, long loadedAt) {}

    private final Audit audit;
    private final Caller caller;
    private final Ids ids;

    PolicyService(EntityManager em, ObjectMapper json, Clock clock, NodeConfig config,
                  TransactionSynchronizationRegistry transactions, Audit audit, Caller caller, Ids ids) {
        this.audit = audit;
        this.caller = caller;
        this.ids = ids;
        this.em = em;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    public record PolicyVersion(int version, LocalDate effectiveFrom, VoucherPolicy policy) {}

    void loadAtFirstStart(@Observes @Priority(10) StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (((Number) em.createNativeQuery("SELECT count(*) FROM policy_version").getSingleResult()).longValue() > 0) {
                return;
            }
            String source = config.policyFile().orElse("classpath:policies/" + config.province() + ".yaml");
            PolicyDocument doc = readFile(source);
            List<Violation> violations = new ArrayList<>();
            VoucherPolicy policy = doc.toPolicy(violations);
            if (policy == null) {
                throw new IllegalStateException("node.policy-file " + source + " is not a valid policy: " + violations.stream()
                        .map(v -> v.field() + " " + Messages.text(Locale.ENGLISH, "violation." + v.code(), v.args())).collect(Collectors.joining("; ")));
            }
            LocalDate today = TimeSource.today(clock);
            insert(1, LocalDate.of(today.getYear(), 1, 1), policy, "node start-up (" + source + ")");
            schedule = new Schedule(List.of(), Long.MIN_VALUE);
            LOG.infof("province %s: loaded policy version 1 from %s", config.province(), source);
        });
    }

    private PolicyDocument readFile(String source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        try (InputStream in = source.startsWith("classpath:")
                ? Thread.currentThread().getContextClassLoader().getResourceAsStream(source.substring("classpath:".length()))
                : Files.newInputStream(Path.of(source))) {
            if (in == null) {
                throw new IllegalStateException("node.policy-file: no policy at " + source);
            }
            return yaml.readValue(in, PolicyDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("node.policy-file: cannot read " + source + ": " + e.getMessage(), e);
        }
    }

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
                .map(r -> new Start(((Number) r[0]).intValue(), toLocalDate(r[1]))).toList(), System.nanoTime());
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
                return new PolicyVersion(v, toLocalDate(row[0]), doc.toPolicy(new ArrayList<>()));
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
        PolicyVersion v = publish(doc, toLocalDate(row[1]), row[2] + " / " + checker.label());
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
                return new Draft((UUID) r[0], toLocalDate(r[1]), json.readValue((String) r[2], PolicyDocument.class),
                        (String) r[3], TimeSource.utc(r[4]), (String) r[5], (String) r[6], TimeSource.utc(r[7]), (String) r[8],
                        r[9] == null ? null : ((Number) r[9]).intValue());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
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
        // the year's budget follows the new version, but never below what is already issued
        int updated = em.createNativeQuery("""
                        UPDATE budget_year SET budget_fen = ?1 WHERE year = ?2 AND issued_fen <= ?1""")
                .setParameter(1, policy.annualBudgetFen()).setParameter(2, effectiveFrom.getYear()).executeUpdate();
        if (updated == 0 && budgetYearExists(effectiveFrom.getYear())) {
            throw ProblemException.refused("budget-below-issued", "P6", effectiveFrom.getYear());
        }
        schedule = new Schedule(List.of(), Long.MIN_VALUE);
        return new PolicyVersion(next, effectiveFrom, policy);
    }

    /**
     * Creates the year's budget row from the policy in force, in the caller's transaction (a nested one
     * would need a second pooled connection per request). Remembered once that transaction commits.
     */
    public void ensureBudgetYear(int year, VoucherPolicy policy) {
        if (budgetYears.contains(year)) {
            return;
        }
        em.createNativeQuery("INSERT INTO budget_year (year, budget_fen) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, year).setParameter(2, policy.annualBudgetFen()).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    budgetYears.add(year);
                }
            }
        });
    }

    private boolean budgetYearExists(int year) {
        return !em.createNativeQuery("SELECT 1 FROM budget_year WHERE year = ?1").setParameter(1, year)
                .getResultList().isEmpty();
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

    static LocalDate toLocalDate(Object sqlDate) {
        return sqlDate instanceof LocalDate d ? d : ((Date) sqlDate).toLocalDate();
    }
}
