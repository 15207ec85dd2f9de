package org.yrd.voucher.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local PostgreSQL server for the demo and the benchmark until killed:
 * {@code PostgresMain <data-dir> <port> <database>...}. Prints {@code READY <jdbc-url-prefix>} when up.
 */
public final class PostgresMain {
    private PostgresMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: PostgresMain <data-dir> <port> [database...]");
            System.exit(2);
        }
        var pg = Postgres.durableServer(Path.of(args[0]), Integer.parseInt(args[1]));
        for (int i = 2; i < args.length; i++) {
            Postgres.database(args[i]);
        }
        System.out.println("READY jdbc:postgresql://localhost:" + pg.getPort() + "/");
        System.out.flush();
        ParentWatch.exitWhenParentDies();
        new CountDownLatch(1).await();
    }
}
