package org.yrd.voucher.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.yrd.voucher.policy.Uscc;

/**
 * Drives apply + operator-approve against a running node with many concurrent clients, then checks
 * that nothing was issued beyond the budget and that the ledger reconciles.
 * {@code NodeBenchmark <base-url> <clients> <seconds> <amountFen> <district>}
 */
public final class NodeBenchmark {
    private NodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long amountFen = Long.parseLong(args[3]);
        String district = args[4];
        Load load = new Load(base, "SH");

        // set-up (not timed): enterprises to apply with; the usage rule lets each hold one unused voucher
        int enterprises = Integer.parseInt(System.getProperty("bench.enterprises", "30000"));
        ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>();
        AtomicLong seq = new AtomicLong(System.nanoTime() % 100_000_000L);
        ExecutorService exec = Executors.newFixedThreadPool(clients);
        List<Future<?>> setUp = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            setUp.add(exec.submit(() -> {
                for (int i = 0; i < enterprises / clients; i++) {
                    String first17 = "91" + district + String.format("B%08d", seq.incrementAndGet() % 100_000_000L);
                    String uscc = first17 + Uscc.checkCharacter(first17);
                    var a = load.post("/api/v1/enterprises", "{\"uscc\":\"" + uscc + "\",\"name\":\"压测企业" + uscc
                            + "\",\"recipientType\":\"TECH_SME\",\"smeRegistrationNo\":\"B" + i
                            + "\",\"smeRegistrationYear\":2025,\"districtCode\":\"" + district + "\"}");
                    if (a.status() != 201) {
                        throw new IllegalStateException("registration failed: " + a);
                    }
                    pool.add(uscc);
                }
                return null;
            }));
        }
        for (Future<?> f : setUp) {
            f.get();
        }
        System.out.printf("set-up: %d enterprises registered%n", pool.size());

        // the JVM is fresh: a warm-up with the same clients lets the JIT compile apply and approve first
        // (cold, its compiler threads take about a third of the node's CPU); it is not measured
        int warmUp = Integer.getInteger("bench.warmup", 30);
        if (warmUp > 0) {
            Phase w = run(load, exec, pool, clients, warmUp, amountFen);
            System.out.printf(Locale.ROOT, "warm-up: %ds, %d vouchers issued (not measured)%n", warmUp, w.issued);
        }
        Phase m = run(load, exec, pool, clients, seconds, amountFen);
        exec.shutdown();
        if (pool.isEmpty()) {
            System.out.println("WARNING: the enterprises ran out before the end; raise -Dbench.enterprises");
        }
        double elapsed = m.elapsed;
        long[] apply = merge(m.applyNanos, m.applyCount);
        long[] approve = merge(m.approveNanos, m.approveCount);
        long[] all = merge(new long[][] {apply, approve}, new int[] {apply.length, approve.length});
        String balance = load.get("/api/v1/operator/ledger/balance");
        long budget = Load.number(balance, "budgetFen");
        long unissued = Load.number(balance, "unissuedFen");
        boolean reconciles = balance.contains("\"reconciles\":true");
        long issuedFen = budget - unissued;

        System.out.printf(Locale.ROOT, "clients=%d duration=%.1fs amount=%d fen%n", clients, elapsed, amountFen);
        System.out.printf(Locale.ROOT, "apply+approve pairs/s=%.1f  requests/s=%.1f  (vouchers issued=%d, refused for budget=%d, other=%d)%n",
                approve.length / elapsed, all.length / elapsed, m.issued, m.refusedBudget, m.other);
        System.out.printf(Locale.ROOT, "latency ms  apply p50=%.1f p99=%.1f | approve p50=%.1f p99=%.1f | all p50=%.1f p99=%.1f%n",
                Load.percentileMs(apply, 50), Load.percentileMs(apply, 99), Load.percentileMs(approve, 50),
                Load.percentileMs(approve, 99), Load.percentileMs(all, 50), Load.percentileMs(all, 99));
        boolean overIssued = issuedFen > budget;
        System.out.printf(Locale.ROOT, "over-issuance check: budget=%d issued=%d (%d vouchers here) reconciles=%s -> %s%n",
                budget, issuedFen, m.issued, reconciles, overIssued || !reconciles ? "FAILED" : "OK, zero over-issuance");
        System.out.printf(Locale.ROOT, "RESULT requests_per_s=%.1f pairs_per_s=%.1f p99_ms=%.1f%n",
                all.length / elapsed, approve.length / elapsed, Load.percentileMs(all, 99));
        if (overIssued || !reconciles) {
            System.exit(1);
        }
    }

    /** What one timed phase measured. */
    private record Phase(double elapsed, long[][] applyNanos, int[] applyCount, long[][] approveNanos,
                         int[] approveCount, long issued, long refusedBudget, long other) {}

    /** Each client repeats apply → operator approve with a fresh enterprise until the phase ends. */
    private static Phase run(Load load, ExecutorService exec, ConcurrentLinkedQueue<String> pool, int clients,
                             int seconds, long amountFen) throws Exception {
        long[][] applyNanos = new long[clients][];
        long[][] approveNanos = new long[clients][];
        int[] applyCount = new int[clients];
        int[] approveCount = new int[clients];
        AtomicLong issued = new AtomicLong();
        AtomicLong refusedBudget = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int me = c;
            applyNanos[c] = new long[200_000];
            approveNanos[c] = new long[200_000];
            runs.add(exec.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String e = pool.poll();
                    if (e == null) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    var applied = load.post("/api/v1/enterprises/" + e + "/applications", "{\"amountFen\":" + amountFen + "}");
                    long t1 = System.nanoTime();
                    applyNanos[me][applyCount[me]++] = t1 - t0;
                    if (applied.status() != 201) {
                        other.incrementAndGet();
                        continue;
                    }
                    String id = Load.string(applied.body(), "id");
                    var approved = load.post("/api/v1/operator/applications/" + id + "/approve", "{\"reason\":\"bench\"}");
                    long t2 = System.nanoTime();
                    approveNanos[me][approveCount[me]++] = t2 - t1;
                    if (approved.status() == 200) {
                        issued.incrementAndGet();
                    } else if (approved.body().contains("budget-exhausted")) {
                        refusedBudget.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        return new Phase((System.nanoTime() - started) / 1e9, applyNanos, applyCount, approveNanos, approveCount,
                issued.get(), refusedBudget.get(), other.get());
    }

    private static long[] merge(long[][] parts, int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        long[] all = new long[n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        java.util.Arrays.sort(all);
        return all;
    }
}
