package org.yrd.voucher.testkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * What the servers spent during a measured phase, read before and after it: CPU seconds of the app's JVM, of every
 * PostgreSQL process and of the load generator (from {@code /proc}, Linux), and the database's statements and
 * transactions ({@code pg_stat_statements} when the server preloads it, {@code pg_stat_database} always).
 */
final class ServerCost {
    private static final double TICK = 100.0; // USER_HZ on Linux

    /**
     * One reading. {@code appJitCpu} is the part of the app's spent by its JIT compiler threads ({@link #jitCpu}).
     * {@code postgresCpu} is every PostgreSQL process's, {@code postgresBackgroundCpu} the part of it not
     * spent by a connection to the app's database (autovacuum, WAL writer, checkpointer, the postmaster). A process
     * that ended between two readings is not counted. {@code statements} is -1 when pg_stat_statements is not there.
     */
    record Reading(double appCpu, double appJitCpu, double postgresCpu, double postgresBackgroundCpu, double driverCpu,
                   long statements, long transactions) {
        Reading minus(Reading before) {
            return new Reading(appCpu - before.appCpu, appJitCpu - before.appJitCpu, postgresCpu - before.postgresCpu,
                    postgresBackgroundCpu - before.postgresBackgroundCpu, driverCpu - before.driverCpu,
                    statements < 0 ? -1 : statements - before.statements, transactions - before.transactions);
        }
    }

    private final long appPid;
    private final String jdbcUrl;

    /** {@code appPid}: the app's process; {@code jdbcUrl}: its database, as the superuser. */
    ServerCost(long appPid, String jdbcUrl) {
        this.appPid = appPid;
        this.jdbcUrl = jdbcUrl;
    }

    Reading read() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long statements = -1;
            try (var rs = c.createStatement().executeQuery("SELECT sum(calls) FROM pg_stat_statements")) {
                rs.next();
                statements = rs.getLong(1);
            } catch (SQLException absent) {
                // not preloaded: transactions only
            }
            long transactions;
            try (var rs = c.createStatement().executeQuery(
                    "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                transactions = rs.getLong(1);
            }
            double[] postgres = postgresCpu();
            return new Reading(cpu(appPid), jitCpu(appPid), postgres[0], postgres[1], cpu(ProcessHandle.current().pid()),
                    statements, transactions);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the database's statistics: " + e.getMessage(), e);
        }
    }

    /**
     * Ends with a checkpoint (the server's dirty pages written, the write-ahead log's full-page images starting over),
     * so that each measured phase, the app's and pgbench's, starts from the same state rather than meeting a
     * checkpoint, timed or forced by the log's size, at a moment of chance. Returns how many checkpoints the server
     * has made so far, to tell afterwards whether one fell inside the phase.
     */
    long checkpoint() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.createStatement().execute("CHECKPOINT");
            return checkpoints(c);
        } catch (SQLException e) {
            throw new IllegalStateException("a checkpoint: " + e.getMessage(), e);
        }
    }

    /** How many checkpoints the server has made so far, timed and requested. */
    long checkpoints() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            return checkpoints(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checkpointer's statistics: " + e.getMessage(), e);
        }
    }

    private static long checkpoints(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT num_timed + num_requested FROM pg_stat_checkpointer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Resets the statement counters, so that the set-up's do not count. */
    void reset() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.createStatement().execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException absent) {
            // nothing to reset
        }
    }

    /** A process's CPU seconds so far (0 if it is gone). */
    static double cpu(long pid) {
        String[] f = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return f == null ? 0 : seconds(f);
    }

    /**
     * CPU seconds so far of a JVM's JIT compiler threads (C1 and C2; the kernel keeps the first 15 characters of a
     * thread's name: "C2 CompilerThre"). The count stays meaningful from one reading to the next only while these
     * threads live: with two cores the JVM runs one of each and keeps them.
     */
    static double jitCpu(long pid) {
        double sum = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                String[] f = stat(t.resolve("stat"));
                if (f != null && f[0].matches("C[12] CompilerThre.*")) {
                    sum += seconds(f);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or no /proc: nothing counted
        }
        return sum;
    }

    /**
     * CPU seconds so far of a process and its live descendants (a launcher's broker); a descendant that ended is not
     * counted.
     */
    static double treeCpu(long pid) {
        return cpu(pid) + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(d -> cpu(d.pid())).sum();
    }

    /** A process's CPU seconds, user and system, from the fields of its {@code /proc/<pid>/stat}. */
    private static double seconds(String[] stat) {
        return (Long.parseLong(stat[12]) + Long.parseLong(stat[13])) / TICK;
    }

    /** CPU seconds of every PostgreSQL process, and of those among them that serve no connection to the database. */
    private double[] postgresCpu() {
        // a connection's process titles itself "postgres: <user> <database> <host>…"
        return postgresCpu(" " + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "") + " ");
    }

    /** CPU seconds so far of every PostgreSQL process on this machine (the benchmark's server is the only one). */
    static double allPostgresCpu() {
        return postgresCpu(null)[0];
    }

    /**
     * CPU seconds of every PostgreSQL process, and of those whose command line does not contain {@code connection}
     * (none if it is null).
     */
    private static double[] postgresCpu(String connection) {
        double[] sums = new double[2];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] f = stat(p.resolve("stat"));
                if (f != null && "postgres".equals(f[0])) {
                    double seconds = seconds(f);
                    sums[0] += seconds;
                    if (connection != null && !commandLine(p).contains(connection)) {
                        sums[1] += seconds;
                    }
                }
            });
        } catch (IOException e) {
            // no /proc: nothing counted
        }
        return sums;
    }

    private static String commandLine(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** The fields after the pid of /proc/…/stat, the first being the command name without its brackets. */
    private static String[] stat(Path file) {
        try {
            String s = Files.readString(file);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] f = new String[rest.length + 1];
            f[0] = s.substring(open + 1, close);
            System.arraycopy(rest, 0, f, 1, rest.length);
            return f;
        } catch (IOException | RuntimeException gone) {
            return null; // the process ended meanwhile
        }
    }
}
