package org.yrd.voucher.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.yrd.voucher.policy.Uscc;

/**
 * Drives the full voucher cycle against a running node with many concurrent clients, in the proportions of a real
 * round: apply (half of them small enough to be approved automatically, half approved by an operator), file a
 * redemption with a local provider, the provider confirms (one in ten disputes), an operator approves what the
 * automatic rule does not, finance pays. Then checks that nothing was issued beyond the budget, that the ledger
 * reconciles and that the audit chain is intact, and prints what the servers spent per request.
 * {@code NodeBenchmark <base-url> <clients> <seconds> <district>}; {@code -Dbench.app-pid}, {@code -Dbench.jdbc}
 * (the node's database) for the breakdown.
 */
public final class NodeBenchmark {
    private static final String CATEGORY = "INDUSTRIAL_DESIGN";
    private static final long SMALL_FEN = 1_500_000;   // 15,000 yuan: under the 20,000-yuan auto-approval threshold
    private static final long LARGE_FEN = 3_000_000;   // 30,000 yuan: an operator decides

    /** The requests of a cycle, each timed on its own. */
    enum Step { APPLY, APPROVE_APPLICATION, FILE, CONFIRM, DISPUTE, APPROVE_REDEMPTION, PAY }

    private NodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String district = args[3];
        Load load = new Load(base, "SH");
        AtomicLong seq = new AtomicLong(System.nanoTime() % 10_000_000L);
        ExecutorService exec = Executors.newFixedThreadPool(clients);

        // set-up (not timed): providers to file with, enterprises to apply with (each holds one voucher at a time)
        List<String> providers = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.providers", 50); i++) {
            String p = uscc(district, 'P', seq.incrementAndGet());
            expect(load.post("/api/v1/providers", "{\"uscc\":\"" + p + "\",\"name\":\"压测设计院" + i + "\",\"categories\":[\""
                    + CATEGORY + "\"],\"qualifications\":[{\"kind\":\"CMA\",\"number\":\"" + i + "\"}]}"), 201, "provider");
            expect(load.post("/api/v1/operator/providers/" + p + "/admit", "{\"reason\":\"bench\"}"), 200, "admission");
            providers.add(p);
        }
        int enterprises = Integer.getInteger("bench.enterprises", 60_000);
        ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>();
        List<Future<?>> setUp = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            setUp.add(exec.submit(() -> {
                for (int i = 0; i < enterprises / clients; i++) {
                    String uscc = uscc(district, 'B', seq.incrementAndGet());
                    expect(load.post("/api/v1/enterprises", "{\"uscc\":\"" + uscc + "\",\"name\":\"压测企业" + uscc
                            + "\",\"recipientType\":\"TECH_SME\",\"smeRegistrationNo\":\"B" + uscc
                            + "\",\"smeRegistrationYear\":2025,\"districtCode\":\"" + district + "\"}"), 201, "registration");
                    pool.add(uscc);
                }
                return null;
            }));
        }
        for (Future<?> f : setUp) {
            f.get();
        }
        System.out.printf("set-up: %d providers admitted, %d enterprises registered%n", providers.size(), pool.size());

        long appPid = Long.getLong("bench.app-pid", -1);
        warmUp(load, exec, pool, providers, clients, appPid);
        String jdbc = System.getProperty("bench.jdbc");
        ServerCost cost = appPid > 0 && jdbc != null ? new ServerCost(appPid, jdbc) : null;
        long checkpoints = -1;
        if (cost != null) {
            checkpoints = cost.checkpoint();
            cost.reset();
        }
        ServerCost.Reading before = cost == null ? null : cost.read();
        Phase m = run(load, exec, pool, providers, clients, seconds);
        ServerCost.Reading spent = cost == null ? null : cost.read().minus(before);
        long checkpointsInside = cost == null ? -1 : cost.checkpoints() - checkpoints;
        exec.shutdown();
        if (pool.isEmpty()) {
            System.out.println("WARNING: the enterprises ran out before the end; raise -Dbench.enterprises");
        }

        long requests = 0;
        long[][] byStep = new long[Step.values().length][];
        for (Step s : Step.values()) {
            byStep[s.ordinal()] = m.samples(s);
            requests += byStep[s.ordinal()].length;
        }
        long[] all = m.all();
        System.out.printf(Locale.ROOT, "clients=%d duration=%.1fs  cycles=%d (paid %d, disputed %d), unexpected answers=%d%n",
                clients, m.elapsed, m.cycles, m.paid.get(), m.disputed.get(), m.unexpected.get());
        m.examples.forEach((k, v) -> System.out.println("  unexpected " + k + ": " + v));
        System.out.printf(Locale.ROOT, "requests/s=%.1f  cycles/s=%.1f  latency ms p50=%.1f p99=%.1f%n",
                requests / m.elapsed, m.cycles / m.elapsed, Load.percentileMs(all, 50), Load.percentileMs(all, 99));
        for (Step s : Step.values()) {
            long[] x = byStep[s.ordinal()];
            if (x.length > 0) {
                System.out.printf(Locale.ROOT, "  %-19s n=%6d  p50=%7.1f  p99=%7.1f ms%n", s.name().toLowerCase(Locale.ROOT),
                        x.length, Load.percentileMs(x, 50), Load.percentileMs(x, 99));
            }
        }
        if (spent != null) {
            System.out.printf(Locale.ROOT, "per request: node CPU %.2f ms (%.2f of it its JIT compiling), PostgreSQL CPU "
                            + "%.2f ms (%.2f of it outside the connections: autovacuum, WAL writer, checkpointer), "
                            + "driver CPU %.2f ms, %s statements, %.2f transactions%n",
                    spent.appCpu() * 1e3 / requests, spent.appJitCpu() * 1e3 / requests,
                    spent.postgresCpu() * 1e3 / requests,
                    spent.postgresBackgroundCpu() * 1e3 / requests, spent.driverCpu() * 1e3 / requests,
                    spent.statements() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", (double) spent.statements() / requests),
                    (double) spent.transactions() / requests);
            System.out.printf(Locale.ROOT, "per cycle: %s statements, %.1f transactions; the phase began after a "
                            + "checkpoint, %d more during it%n",
                    spent.statements() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", (double) spent.statements() / m.cycles),
                    (double) spent.transactions() / m.cycles, checkpointsInside);
        }

        String balance = load.get("/api/v1/operator/ledger/balance");
        long budget = Load.number(balance, "budgetFen");
        long issuedFen = budget - Load.number(balance, "unissuedFen");
        boolean reconciles = balance.contains("\"reconciles\":true");
        String verify = load.get("/api/v1/operator/audit/verify");
        boolean intact = verify.contains("\"intact\":true");
        boolean failed = issuedFen > budget || !reconciles || !intact || m.unexpected.get() > 0;
        System.out.printf(Locale.ROOT, "checks: budget=%d issued=%d reconciles=%s audit chain intact=%s (%d records) -> %s%n",
                budget, issuedFen, reconciles, intact, Load.number(verify, "records"), failed ? "FAILED" : "OK");
        System.out.printf(Locale.ROOT, "RESULT requests_per_s=%.1f cycles_per_s=%.1f p99_ms=%.1f%n",
                requests / m.elapsed, m.cycles / m.elapsed, Load.percentileMs(all, 99));
        if (failed) {
            System.exit(1);
        }
    }

    /**
     * The JVM is fresh: the same clients run the cycle, not measured, until the JIT has compiled it. At least
     * {@code bench.warmup} seconds (30), then rounds of 10 s until the app's JIT compiler threads spent less than
     * {@code bench.jit-settled} of a core in the last one (0.1), at most {@code bench.warmup-max} seconds (240). On two
     * cores shared with the database and the load, C2 still took about a core's worth of time compiling the
     * cycle's code through a measured phase that followed 30 s of warm-up: that phase measured the JIT, not the server
     * it would be after a few minutes. Without the app's pid, the fixed part only.
     */
    private static void warmUp(Load load, ExecutorService exec, ConcurrentLinkedQueue<String> pool,
                               List<String> providers, int clients, long appPid) throws Exception {
        int least = Integer.getInteger("bench.warmup", 30);
        int most = Math.max(least, Integer.getInteger("bench.warmup-max", 240));
        double settled = Double.parseDouble(System.getProperty("bench.jit-settled", "0.1"));
        if (least <= 0) {
            return;
        }
        long cycles = run(load, exec, pool, providers, clients, least).cycles;
        int elapsed = least;
        double jit = Double.NaN; // cores the compiler threads took in the last round
        while (appPid > 0) {
            double before = ServerCost.jitCpu(appPid);
            long started = System.nanoTime();
            cycles += run(load, exec, pool, providers, clients, 10).cycles;
            elapsed += 10;
            jit = (ServerCost.jitCpu(appPid) - before) / ((System.nanoTime() - started) / 1e9);
            if (jit < settled || elapsed >= most) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %ds, %d cycles (not measured)%s%n", elapsed, cycles, Double.isNaN(jit)
                ? "" : String.format(Locale.ROOT, "; the JIT's compiler threads took %.2f cores in its last 10 s%s",
                        jit, jit < settled ? "" : " (not settled: bench.warmup-max reached)"));
    }

    /** What one timed phase measured. */
    private static final class Phase {
        final long[][][] nanos; // [client][step][sample]
        final int[][] counts;   // [client][step]
        final AtomicLong paid = new AtomicLong();
        final AtomicLong disputed = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final Map<String, String> examples = new ConcurrentHashMap<>();
        long cycles;
        double elapsed;

        Phase(int clients) {
            nanos = new long[clients][Step.values().length][20_000];
            counts = new int[clients][Step.values().length];
        }

        void time(int client, Step s, long nanosTaken) {
            int n = counts[client][s.ordinal()];
            if (n < nanos[client][s.ordinal()].length) {
                nanos[client][s.ordinal()][n] = nanosTaken;
                counts[client][s.ordinal()]++;
            }
        }

        long[] samples(Step s) {
            List<long[]> parts = new ArrayList<>();
            int n = 0;
            for (int c = 0; c < counts.length; c++) {
                parts.add(java.util.Arrays.copyOf(nanos[c][s.ordinal()], counts[c][s.ordinal()]));
                n += counts[c][s.ordinal()];
            }
            long[] all = new long[n];
            int at = 0;
            for (long[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            java.util.Arrays.sort(all);
            return all;
        }

        long[] all() {
            return java.util.Arrays.stream(Step.values()).map(this::samples).flatMapToLong(java.util.Arrays::stream)
                    .sorted().toArray();
        }

        boolean unexpected(Step s, Load.Answer a) {
            unexpected.incrementAndGet();
            examples.putIfAbsent(s + " " + a.status(), a.body().substring(0, Math.min(300, a.body().length())));
            return false;
        }
    }

    /** Each client repeats the cycle with a fresh enterprise until the phase ends. */
    private static Phase run(Load load, ExecutorService exec, ConcurrentLinkedQueue<String> pool,
                             List<String> providers, int clients, int seconds) throws Exception {
        Phase phase = new Phase(clients);
        AtomicLong cycles = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int me = c;
            runs.add(exec.submit(() -> {
                for (int i = me; System.nanoTime() < deadline; i += clients) {
                    String e = pool.poll();
                    if (e == null) {
                        break;
                    }
                    cycle(load, phase, me, i, e, providers.get(i % providers.size()));
                    cycles.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        phase.elapsed = (System.nanoTime() - started) / 1e9;
        phase.cycles = cycles.get();
        return phase;
    }

    /** One enterprise's round: every answer checked; an unexpected one ends the cycle and is counted. */
    private static boolean cycle(Load load, Phase phase, int me, int i, String enterprise, String provider) throws Exception {
        boolean operatorDecides = i % 2 == 1;
        long amount = operatorDecides ? LARGE_FEN : SMALL_FEN;
        Load.Answer a = timed(phase, me, Step.APPLY, () -> load.post("/api/v1/enterprises/" + enterprise + "/applications",
                "{\"amountFen\":" + amount + "}"));
        if (a.status() != 201) {
            return phase.unexpected(Step.APPLY, a);
        }
        if (operatorDecides) {
            String id = Load.string(a.body(), "id");
            a = timed(phase, me, Step.APPROVE_APPLICATION, () -> load.post("/api/v1/operator/applications/" + id + "/approve",
                    "{\"reason\":\"bench\"}"));
            if (a.status() != 200) {
                return phase.unexpected(Step.APPROVE_APPLICATION, a);
            }
        }
        String voucher = Load.string(a.body(), "voucherId");
        long requested = amount - 500_000;
        String invoice = "BENCH-" + UUID.randomUUID();
        a = timed(phase, me, Step.FILE, () -> load.post("/api/v1/enterprises/" + enterprise + "/redemptions",
                "{\"voucherId\":\"" + voucher + "\",\"providerUscc\":\"" + provider + "\",\"category\":\"" + CATEGORY
                        + "\",\"declarations\":{\"patentApplicationStage\":false,\"statutoryTesting\":false,"
                        + "\"otherPublicFunding\":false},\"contractNo\":\"HT-" + invoice + "\",\"invoiceNo\":\"" + invoice
                        + "\",\"actualExpenditureFen\":" + 2 * requested + ",\"requestedFen\":" + requested
                        + ",\"completionDate\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"}"));
        if (a.status() != 201) {
            return phase.unexpected(Step.FILE, a);
        }
        String redemption = Load.string(a.body(), "id");
        if (i % 10 == 9) { // one in ten: the provider disputes it, the hold goes back to the voucher
            a = timed(phase, me, Step.DISPUTE, () -> load.post("/api/v1/providers/" + provider + "/redemptions/" + redemption
                    + "/dispute", "{\"reason\":\"bench\"}"));
            if (a.status() != 200) {
                return phase.unexpected(Step.DISPUTE, a);
            }
            phase.disputed.incrementAndGet();
            return true;
        }
        a = timed(phase, me, Step.CONFIRM, () -> load.post("/api/v1/providers/" + provider + "/redemptions/" + redemption
                + "/confirm", "{}"));
        if (a.status() != 200) {
            return phase.unexpected(Step.CONFIRM, a);
        }
        if (!"APPROVED".equals(Load.string(a.body(), "status"))) {
            a = timed(phase, me, Step.APPROVE_REDEMPTION, () -> load.post("/api/v1/operator/redemptions/" + redemption
                    + "/approve", "{\"reason\":\"bench\"}"));
            if (a.status() != 200) {
                return phase.unexpected(Step.APPROVE_REDEMPTION, a);
            }
        }
        a = timed(phase, me, Step.PAY, () -> load.post("/api/v1/operator/redemptions/" + redemption + "/pay",
                "{\"paymentReference\":\"BENCH\"}"));
        if (a.status() != 200) {
            return phase.unexpected(Step.PAY, a);
        }
        phase.paid.incrementAndGet();
        return true;
    }

    private interface Call {
        Load.Answer send() throws Exception;
    }

    private static Load.Answer timed(Phase phase, int client, Step step, Call call) throws Exception {
        long t0 = System.nanoTime();
        Load.Answer a = call.send();
        phase.time(client, step, System.nanoTime() - t0);
        return a;
    }

    private static String uscc(String district, char kind, long n) {
        String first17 = "91" + district + kind + String.format("%08d", n % 100_000_000L);
        return first17 + Uscc.checkCharacter(first17);
    }

    private static void expect(Load.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + " failed: " + a.status() + " " + a.body());
        }
    }
}
