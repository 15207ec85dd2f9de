package org.yrd.voucher.node.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.federation.CommitWrites;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.enterprise.Enterprise;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.Sql;
import org.yrd.voucher.policy.RecipientType;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * A transaction's last writes (the audit records, outbox events and stored answers written just before it commits,
 * federation-runtime {@code CommitWrites}) and its commit, on the node's real database: a transaction in plain JDBC
 * sends its commit with them, one with a Hibernate session commits after the session's flush; either way it all
 * stays or none of it does.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LastWritesTest {
    @Inject
    CommitWrites commitWrites;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource db;

    /** If Quarkus kept its sessions elsewhere, every transaction would commit on its own again (slower, still safe). */
    @Test
    void theStartCheckFindsATransactionsHibernateSessionSoPlainJdbcCommandsCommitWithTheirLastWrites() {
        assertThat(commitWrites.commitsAlong()).isTrue();
    }

    @Test
    void aPlainJdbcTransactionKeepsItsStatementsAndItsLastWritesTogether() {
        String uscc = Fixtures.uscc("310115");
        QuarkusTransaction.requiringNew().run(() -> {
            insertEnterprise(uscc);
            audit.record(Actor.system("test"), "test.last-writes", uscc, "kept", null, null);
        });
        assertThat(count("SELECT count(*) FROM enterprise WHERE uscc = ?", uscc)).isOne();
        assertThat(Sql.audited(db, uscc)).isOne();
    }

    /** The commit sent along is never reached when a last write fails: the statements before it go as well. */
    @Test
    void aLastWriteThatFailsUndoesTheWholePlainJdbcTransaction() {
        String uscc = Fixtures.uscc("310115");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            insertEnterprise(uscc);
            audit.record(Actor.system("test"), "test.last-writes", uscc, "tried", null, null);
            commitWrites.beforeCommit(() -> List.of(
                    new CommitWrites.Write("UPDATE audit_head SET seq = seq / 0 WHERE id = 1", List.of())));
        })).isInstanceOf(RuntimeException.class);
        assertThat(count("SELECT count(*) FROM enterprise WHERE uscc = ?", uscc)).isZero();
        assertThat(Sql.audited(db, uscc)).isZero();
    }

    /**
     * Hibernate writes a persisted entity at its flush, after the last writes: a transaction with a session must not
     * have committed those already when that flush fails.
     */
    @Test
    void aHibernateChangeFailingAtItsFlushUndoesTheLastWritesWrittenBeforeIt() {
        String existing = Fixtures.enterprise("310115");
        String target = "last-writes-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(Actor.system("test"), "test.last-writes", target, "tried", null, null);
            em.persist(enterprise(existing)); // the same code again: refused by the primary key at the flush
        })).isInstanceOf(RuntimeException.class);
        assertThat(Sql.audited(db, target)).isZero();

        String uscc = Fixtures.uscc("310115");
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record(Actor.system("test"), "test.last-writes", uscc, "kept", null, null);
            em.persist(enterprise(uscc));
        });
        assertThat(count("SELECT count(*) FROM enterprise WHERE uscc = ?", uscc)).isOne();
        assertThat(Sql.audited(db, uscc)).isOne();
    }

    private static Enterprise enterprise(String uscc) {
        Enterprise e = new Enterprise();
        e.uscc = uscc;
        e.name = "测试 " + uscc;
        e.recipientType = RecipientType.TECH_SME;
        e.districtCode = "310115";
        e.registeredAt = OffsetDateTime.now();
        return e;
    }

    private void insertEnterprise(String uscc) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO enterprise (uscc, name, recipient_type, district_code, registered_at)
                VALUES (?, 'plain', 'TECH_SME', '310115', now())""")) {
            s.setString(1, uscc);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String... params) {
        try {
            return Long.parseLong(Sql.single(db, sql, (Object[]) params));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
