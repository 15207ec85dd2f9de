package org.yrd.voucher.testkit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.yrd.voucher.policy.Uscc;

/**
 * Cross-region redemptions at a steady rate: ZJ enterprises file with an SH provider; SH auto-confirms; ZJ
 * approves automatically (under its threshold) and a payer pays what is approved. Latencies are read from
 * the two nodes' own timestamps afterwards.
 * {@code FederationBenchmark <zj-url> <sh-url> <zj-jdbc> <sh-jdbc> <rate-per-s> <seconds> [hub-jdbc]}
 */
public final class FederationBenchmark {
    private FederationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Load zj = new Load(args[0], "ZJ");
        Load sh = new Load(args[1], "SH");
        String zjDb = args[2];
        String shDb = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String hubDb = args.length > 6 ? args[6] : null;
        AtomicLong seq = new AtomicLong(System.nanoTime() % 10_000_000L);

        // set-up: a recognised SH provider, ZJ enterprises each with a 20,000 yuan voucher
        String first17 = "91310104" + String.format("P%08d", seq.incrementAndGet());
        String provider = first17 + Uscc.checkCharacter(first17);
        check(sh.post("/api/v1/providers", "{\"uscc\":\"" + provider + "\",\"name\":\"压测检测院\",\"categories\":"
                + "[\"TESTING_INSPECTION_CERTIFICATION\"],\"qualifications\":[{\"kind\":\"CMA\",\"number\":\"1\"}]}"), 201);
        check(sh.post("/api/v1/operator/providers/" + provider + "/admit", "{\"reason\":\"bench\"}"), 200);
        long until = System.currentTimeMillis() + 60_000;
        while (!zj.get("/api/v1/public/yrd-providers").contains(provider)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("provider never recognised at ZJ");
            }
            Thread.sleep(200);
        }
        // the JVMs are fresh: a warm-up at the same rate lets the JIT compile the hot paths first; only the
        // measured phase's figures are reported
        int warmUp = Integer.getInteger("bench.warmup", 30);
        int leadIn = Integer.getInteger("bench.leadin", 10);
        int total = rate * (warmUp + leadIn + seconds);
        int perVoucher = 20;
        List<String[]> vouchers = new ArrayList<>();
        for (int i = 0; i < (total + perVoucher - 1) / perVoucher; i++) {
            String e17 = "91330106" + String.format("Q%08d", seq.incrementAndGet());
            String e = e17 + Uscc.checkCharacter(e17);
            check(zj.post("/api/v1/enterprises", "{\"uscc\":\"" + e + "\",\"name\":\"压测企业\",\"recipientType\":\"TECH_SME\","
                    + "\"smeRegistrationNo\":\"Q" + i + "\",\"smeRegistrationYear\":2025,\"districtCode\":\"330106\"}"), 201);
            var applied = zj.post("/api/v1/enterprises/" + e + "/applications", "{\"amountFen\":2000000}");
            check(applied, 201);
            vouchers.add(new String[] {e, Load.string(applied.body(), "voucherId")});
        }
        // consecutive filings use different vouchers, as different enterprises filing at once would
        ConcurrentLinkedQueue<String[]> slots = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < perVoucher; k++) {
            slots.addAll(vouchers);
        }
        System.out.printf("set-up: provider %s recognised at ZJ; %d vouchers ready%n", provider, vouchers.size());

        // a payer for what ZJ approves: a few operators paying the approved list in parallel
        AtomicInteger paid = new AtomicInteger();
        ExecutorService payers = Executors.newFixedThreadPool(4);
        Thread payer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String approved = zj.get("/api/v1/operator/redemptions?status=APPROVED");
                    List<java.util.concurrent.Future<?>> payments = new ArrayList<>();
                    for (String id : ids(approved)) {
                        payments.add(payers.submit(() -> {
                            if (zj.post("/api/v1/operator/redemptions/" + id + "/pay", "{\"paymentReference\":\"B\"}")
                                    .status() == 200) {
                                paid.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    for (var p : payments) {
                        p.get();
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep paying
                }
            }
        }, "payer");
        payer.start();
        if (warmUp > 0) {
            int[] w = file(zj, provider, slots, seq, rate, warmUp, null);
            waitUntilPaid(paid, w[0], 120);
            System.out.printf("warm-up: %d filed in %ds at %d/s, all paid: %b%n", w[0], warmUp, rate, paid.get() >= w[0]);
        }
        // after the warm-up has drained, a lead-in at the same rate flows straight into the measured phase: the
        // restart after that idle gap is not the steady state the target is about (docs/benchmarks.md)
        int paidBefore = paid.get();
        int ledIn = leadIn > 0 ? file(zj, provider, slots, seq, rate, leadIn, null)[0] : 0;
        java.sql.Timestamp since = new java.sql.Timestamp(System.currentTimeMillis());
        Map<String, Long> services = services(System.getProperty("bench.services", ""));
        Map<String, Double> cpuBefore = cpu(services);
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        int[] f = file(zj, provider, slots, seq, rate, seconds, answered);
        double filingSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAfter = cpu(services);
        waitUntilPaid(paid, paidBefore + ledIn + f[0], 120);
        payer.interrupt();

        long[] visible = millis(shDb, "SELECT extract(epoch FROM received_at - filed_at) * 1000 FROM incoming_redemption"
                + " WHERE filed_at >= ?", since);
        long[] approved = millis(zjDb, "SELECT extract(epoch FROM decided_at - filed_at) * 1000 FROM redemption "
                + "WHERE provider_province = 'SH' AND decided_at IS NOT NULL AND filed_at >= ?", since);
        long[] paidMs = millis(zjDb, "SELECT extract(epoch FROM paid_at - filed_at) * 1000 FROM redemption "
                + "WHERE provider_province = 'SH' AND status = 'PAID' AND filed_at >= ?", since);
        System.out.printf(Locale.ROOT, "target %d/s for %ds: filed %d (%.1f/s), refused at filing %d, paid %d%n",
                rate, seconds, f[0], f[0] / filingSeconds, f[1], paidMs.length);
        long[] answeredMs = answered.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "filing answered at ZJ  n=%d p50=%d ms p99=%d ms (the enterprise's wait)%n",
                answeredMs.length, pct(answeredMs, 50), pct(answeredMs, 99));
        System.out.printf(Locale.ROOT, "filed->visible at SH   n=%d p50=%d ms p99=%d ms max=%d ms%n", visible.length,
                pct(visible, 50), pct(visible, 99), pct(visible, 100));
        System.out.printf(Locale.ROOT, "filed->approved at ZJ  n=%d p50=%d ms p99=%d ms%n", approved.length,
                pct(approved, 50), pct(approved, 99));
        System.out.printf(Locale.ROOT, "filed->paid at ZJ      n=%d p50=%d ms p99=%d ms (payer polls every 50 ms)%n",
                paidMs.length, pct(paidMs, 50), pct(paidMs, 99));
        if (hubDb != null) {
            stages(zjDb, hubDb, shDb, since);
        }
        timeline(shDb, since);
        cpuShares(cpuBefore, cpuAfter, filingSeconds, f[0]);
        System.exit(0);
    }

    /**
     * {@code bench.services}: {@code name=pid,…}, the processes whose CPU the run reports (each with its descendants),
     * besides every PostgreSQL process (its server detaches from the launcher) and the driver itself.
     */
    static Map<String, Long> services(String spec) {
        Map<String, Long> services = new LinkedHashMap<>();
        for (String s : spec.split(",")) {
            if (s.contains("=")) {
                services.put(s.substring(0, s.indexOf('=')), Long.parseLong(s.substring(s.indexOf('=') + 1)));
            }
        }
        services.put("driver", ProcessHandle.current().pid());
        return services;
    }

    static Map<String, Double> cpu(Map<String, Long> services) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("postgres", ServerCost.allPostgresCpu());
        services.forEach((name, pid) -> seconds.put(name, ServerCost.treeCpu(pid)));
        return seconds;
    }

    /** What each service spent during the measured filing: cores, and CPU milliseconds per filing. */
    static void cpuShares(Map<String, Double> before, Map<String, Double> after, double seconds, int filed) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "CPU while filing (%.0f s; cores, ms per filing):", seconds));
        double total = 0;
        for (var e : after.entrySet()) {
            double spent = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            total += spent;
            line.append(String.format(Locale.ROOT, " %s %.2f, %.1f;", e.getKey(), spent / seconds,
                    filed == 0 ? 0 : spent * 1000 / filed));
        }
        line.append(String.format(Locale.ROOT, " together %.2f of %d cores", total / seconds,
                Runtime.getRuntime().availableProcessors()));
        System.out.println(line);
    }

    /** Filed→visible per 5 s of the run: shows whether a tail is one stall or a queue that keeps growing. */
    static void timeline(String shDb, java.sql.Timestamp since) throws Exception {
        StringBuilder line = new StringBuilder("  filed->visible by 5 s of filing (p50/max ms):");
        try (Connection c = DriverManager.getConnection(shDb, "postgres", "postgres");
             var st = c.prepareStatement("""
                     SELECT floor(extract(epoch FROM filed_at - ?) / 5)::int,
                            percentile_disc(0.5) WITHIN GROUP (ORDER BY received_at - filed_at),
                            max(received_at - filed_at)
                     FROM incoming_redemption WHERE filed_at >= ? GROUP BY 1 ORDER BY 1""")) {
            st.setTimestamp(1, since);
            st.setTimestamp(2, since);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                line.append(' ').append(millis(rs.getObject(2))).append('/').append(millis(rs.getObject(3)));
            }
        }
        System.out.println(line);
    }

    private static long millis(Object interval) {
        var i = (org.postgresql.util.PGInterval) interval;
        return Math.round((i.getHours() * 3600 + i.getMinutes() * 60 + i.getSeconds()) * 1000);
    }

    /**
     * Where the time goes between ZJ and SH and back, from the outbox and inbox timestamps of each hop: relay lag
     * (written → acknowledged by the broker) and consumer lag (acknowledged → applied by the next app).
     */
    static void stages(String zjDb, String hubDb, String shDb, java.sql.Timestamp since) throws Exception {
        hops("ZJ", zjDb, hubDb, "SH", shDb, since); // the requests
        hops("SH", shDb, hubDb, "ZJ", zjDb, since); // the way back: SH's answers
    }

    /** The four hops of one way: {@code from}'s relay, the hub's consume, the hub's relay to {@code to}, its consume. */
    private static void hops(String from, String fromDb, String hubDb, String to, String toDb, java.sql.Timestamp since)
            throws Exception {
        var out = times(fromDb, "SELECT event_id::text, created_at, sent_at FROM outbox WHERE topic = 'yrd.hub.requests'"
                + " AND created_at >= ?", since);
        var hubIn = times(hubDb, "SELECT event_id::text, processed_at, processed_at FROM inbox WHERE processed_at >= ?", since);
        var hubOut = times(hubDb, "SELECT event_id::text, created_at, sent_at FROM outbox WHERE topic = 'yrd.node." + to
                + ".inbox' AND created_at >= ?", since);
        var in = times(toDb, "SELECT event_id::text, processed_at, processed_at FROM inbox WHERE processed_at >= ?", since);
        stage(from + " relay    (written -> acked)", out, out, 0, 1);
        stage("hub consume (acked -> applied)", out, hubIn, 1, 0);
        stage("hub relay   (written -> acked)", hubOut, hubOut, 0, 1);
        stage(to + " consume  (acked -> applied)", hubOut, in, 1, 0);
    }

    private static void stage(String name, java.util.Map<String, long[]> from, java.util.Map<String, long[]> to,
                              int fromIndex, int toIndex) {
        long[] lags = from.entrySet().stream().filter(e -> to.containsKey(e.getKey()) && e.getValue()[fromIndex] > 0
                        && to.get(e.getKey())[toIndex] > 0)
                .mapToLong(e -> to.get(e.getKey())[toIndex] - e.getValue()[fromIndex]).sorted().toArray();
        System.out.printf(Locale.ROOT, "  stage %s n=%d p50=%d ms p99=%d ms%n", name, lags.length, pct(lags, 50),
                pct(lags, 99));
    }

    private static java.util.Map<String, long[]> times(String jdbc, String sql, java.sql.Timestamp since) throws Exception {
        java.util.Map<String, long[]> m = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             var st = c.prepareStatement(sql)) {
            st.setTimestamp(1, since);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                var b = rs.getTimestamp(3);
                m.put(rs.getString(1), new long[] {rs.getTimestamp(2).getTime(), b == null ? 0 : b.getTime()});
            }
        }
        return m;
    }

    /**
     * Files ZJ → SH redemptions at a steady rate for the given time; returns {filed, refused}. Each filing's
     * answer time, from its scheduled moment (so a slow node cannot hide queued filings) to the answer, goes
     * into {@code answered} when given.
     */
    static int[] file(Load zj, String provider, ConcurrentLinkedQueue<String[]> slots, AtomicLong seq, int rate,
                      int seconds, ConcurrentLinkedQueue<Long> answered) throws InterruptedException {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ExecutorService workers = Executors.newFixedThreadPool(16);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger filed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        int total = rate * seconds;
        ticker.scheduleAtFixedRate(() -> {
            String[] slot = submitted.get() < total ? slots.poll() : null;
            if (slot == null) {
                return;
            }
            submitted.incrementAndGet();
            long scheduled = System.nanoTime();
            workers.submit(() -> {
                String invoice = "B-" + seq.incrementAndGet();
                var r = zj.post("/api/v1/enterprises/" + slot[0] + "/redemptions", "{\"voucherId\":\"" + slot[1]
                        + "\",\"providerUscc\":\"" + provider + "\",\"category\":\"TESTING_INSPECTION_CERTIFICATION\","
                        + "\"declarations\":{\"patentApplicationStage\":false,\"statutoryTesting\":false,"
                        + "\"otherPublicFunding\":false},\"contractNo\":\"HT-" + invoice + "\",\"invoiceNo\":\"" + invoice
                        + "\",\"actualExpenditureFen\":2000,\"requestedFen\":1000,\"completionDate\":\"" + today + "\"}");
                (r.status() == 201 ? filed : failed).incrementAndGet();
                if (answered != null) {
                    answered.add((System.nanoTime() - scheduled) / 1_000_000);
                }
                return null;
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        return new int[] {filed.get(), failed.get()};
    }

    static void waitUntilPaid(AtomicInteger paid, int expected, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (paid.get() < expected && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
    }

    static void check(Load.Answer a, int status) {
        if (a.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + a);
        }
    }

    static List<String> ids(String json) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = json.indexOf("{\"id\":\"", i)) >= 0) {
            out.add(json.substring(i + 7, json.indexOf('"', i + 7)));
            i += 7;
        }
        return out;
    }

    static long[] millis(String jdbc, String sql, java.sql.Timestamp since) throws Exception {
        List<Long> v = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             var st = c.prepareStatement(sql)) {
            st.setTimestamp(1, since);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                v.add(Math.round(rs.getDouble(1)));
            }
        }
        return v.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
