package org.yrd.voucher.node.policy;

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

    PolicyService(EntityManager em, ObjectMapper json, Clock clock, NodeConfig config,
                  TransactionSynchronizationRegistry transactions) {
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
