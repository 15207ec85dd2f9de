package org.yrd.voucher.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, single node) forked as its own JVM from the kafka-broker module's
 * classes and the classpath file its build writes. One per test JVM; it exits with its parent.
 */
public final class KafkaBroker {
    private static Process process;
    private static String bootstrap;

    private KafkaBroker() {}

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            int port = freePort();
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kafka-" + ProcessHandle.current().pid() + "-" + port);
            process = start(dir, port);
            bootstrap = "127.0.0.1:" + port;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
        }
        return bootstrap;
    }

    /** Forks a broker on {@code port} with its data in {@code dir}; returns once it serves. */
    public static Process start(Path dir, int port) {
        Path module = moduleDir();
        try {
            String cp = module.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(module.resolve("target/classpath.txt")).trim();
            // C1 only: the broker shares this host's cores with the apps and PostgreSQL, and two minutes after
            // its start C2 was still compiling with half of the broker's CPU (docs/benchmarks.md)
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.yrd.voucher.kafka.BrokerMain", dir.toString(), String.valueOf(port)))
                    .redirectErrorStream(true).start();
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        tail.addLast(line);
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                        if (line.startsWith("READY")) {
                            ready.complete(true);
                        }
                    }
                } catch (IOException ignored) {
                    // the broker went away
                }
                ready.complete(false);
            }, "kafka-broker-output");
            reader.setDaemon(true);
            reader.start();
            if (!ready.get(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kafka broker exited before it was ready:\n" + String.join("\n", tail));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker from " + module, e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    /** services/kafka-broker, found from the working directory of whichever module runs. */
    static Path moduleDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("services/kafka-broker");
            if (Files.exists(candidate.resolve("target/classpath.txt"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("services/kafka-broker/target/classpath.txt not found above " + dir
                + ": build the kafka-broker module first (./mvnw package)");
    }

    /** A port that is free together with the next one, which the broker's controller takes. */
    public static int freePort() {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket s = new ServerSocket(0); ServerSocket controller = new ServerSocket(s.getLocalPort() + 1)) {
                return s.getLocalPort();
            } catch (IOException e) {
                if (attempt >= 20) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
