package org.yrd.voucher.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a fresh database on the real embedded PostgreSQL server.
 * The server starts once per test JVM; every test profile gets its own database.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static int counter;

    @Override
    public Map<String, String> start() {
        String db;
        synchronized (PostgresResource.class) {
            db = "test_" + (++counter) + "_" + ProcessHandle.current().pid();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", Postgres.database(db),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // the server lives for the whole test JVM; databases are cheap and dropped with it
    }
}
