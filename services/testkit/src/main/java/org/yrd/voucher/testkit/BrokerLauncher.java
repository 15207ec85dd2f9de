package org.yrd.voucher.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the broker for the local federation until killed: {@code BrokerLauncher <data-dir> <port>}. */
public final class BrokerLauncher {
    private BrokerLauncher() {}

    public static void main(String[] args) throws InterruptedException {
        Process broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        System.out.println("READY 127.0.0.1:" + args[1]);
        System.out.flush();
        ParentWatch.exitWhenParentDies();
        new CountDownLatch(1).await();
    }
}
