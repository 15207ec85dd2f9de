package org.yrd.voucher.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.yrd.voucher.policy.Uscc;
import org.yrd.voucher.testkit.Keycloak;
import org.yrd.voucher.testkit.Tokens;

/**
 * The load and the verdict of the chaos run (deploy/chaos.sh, docs/reliability.md). While the script does bad
 * things to the processes, this drives a steady mix through the public API with tokens of the users whose step it
 * is: Zhejiang enterprises file with a Shanghai lab and Shanghai enterprises with a Zhejiang lab (cross-region),
 * Zhejiang enterprises with the Zhejiang lab (local), new enterprises register and apply, the labs confirm on their
 * own nodes and finance officers pay. A request that meets a fault is sent again, with the same Idempotency-Key,
 * until it has an answer. Afterwards, once the script says every process is back, it lets the federation settle and
 * checks that nothing was lost, doubled or left unreconciled, and prints the figures.
 * Every user signs in at the run's Keycloak (password grant, as deploy/token.sh does); a party the run registers
 * becomes a Keycloak user of its province first, as an administrator would create it.
 * {@code ChaosRun <zj-url> <sh-url> <hub-url> <zj-jdbc> <sh-jdbc> <hub-jdbc> <state-dir> <seconds> <filings-per-s>
 * <keycloak-port>}
 */
public final class ChaosRun {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    private final Load zj;
    private final Load sh;
    private final Load hub;
    private final String zjDb;
    private final String shDb;
    private final String hubDb;
    private final Path state;
    private final AtomicLong seq = new AtomicLong(System.nanoTime() % 10_000_000L);
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    /** The first few answers of each refusing status, with their path, to say what they were. */
    private final Map<Integer, List<String>> examples = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    /** Every filing answered 201: its id, where it was filed, whether it went to another province. */
    private final ConcurrentLinkedQueue<Filing> filings = new ConcurrentLinkedQueue<>();
    private final AtomicLong applications = new AtomicLong();
    private final Set<String> confirmations = ConcurrentHashMap.newKeySet();
    private final Set<String> payments = ConcurrentHashMap.newKeySet();

    record Filing(String id, String issuing, boolean crossRegion, long answeredAtMillis) {}

    private ChaosRun(String[] a) {
        Load.Credentials keycloak = signingIn(Keycloak.running(Integer.parseInt(a[9])));
        zj = new Load(a[0], "ZJ", keycloak);
        sh = new Load(a[1], "SH", keycloak);
        hub = new Load(a[2], "HUB", keycloak);
        zjDb = a[3];
        shDb = a[4];
        hubDb = a[5];
        state = Path.of(a[6]);
    }

    public static void main(String[] args) throws Exception {
        ChaosRun run = new ChaosRun(args);
        int seconds = Integer.parseInt(args[7]);
        int rate = Integer.parseInt(args[8]);
        System.exit(run.run(seconds, rate) ? 0 : 1);
    }

    /** Real tokens: each user signs in at Keycloak; a party is made a user of its province's realm first. */
    private static Load.Credentials signingIn(Keycloak keycloak) {
        Set<String> users = ConcurrentHashMap.newKeySet();
        return new Load.Credentials() {
            @Override
            public String bearer(Tokens.Identity who) {
                String realm = "yrd-" + who.realm().toLowerCase(Locale.ROOT);
                if (who.claims().containsKey("uscc") && !users.contains(realm + "/" + who.subject())) {
                    keycloak.ensureUser(realm, who.subject(), who.role(), who.claims());
                    users.add(realm + "/" + who.subject());
                }
                return "Bearer " + keycloak.token(realm, who.subject());
            }

            @Override
            public void refused(Tokens.Identity who) {
                keycloak.forget("yrd-" + who.realm().toLowerCase(Locale.ROOT), who.subject());
            }
        };
    }

    private String uscc(String district, char kind) {
        String first17 = "91" + district + String.format("%c%08d", kind, seq.incrementAndGet());
        return first17 + Uscc.checkCharacter(first17);
    }

    private boolean run(int seconds, int rate) throws Exception {
        // the parties: a lab in each province, recognised YRD-wide, and enterprises with vouchers
        String shLab = provider(sh, "310104");
        String zjLab = provider(zj, "330106");
        awaitRecognised(zj, shLab);
        awaitRecognised(sh, zjLab);
        ConcurrentLinkedQueue<String[]> zjVouchers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String[]> shVouchers = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < Math.max(4, rate * 2); i++) {
            zjVouchers.add(enterpriseWithVoucher(zj, "330106"));
            shVouchers.add(enterpriseWithVoucher(sh, "310115"));
        }
        System.out.printf("set-up: labs %s (SH) and %s (ZJ) recognised YRD-wide; %d vouchers each side%n", shLab, zjLab,
                zjVouchers.size());
        Files.writeString(state.resolve("loading"), "");

        // the people whose step it is: the labs confirm, finance pays, on their own nodes, all through the run
        AtomicBoolean draining = new AtomicBoolean(true);
        Thread people = new Thread(() -> {
            while (draining.get()) {
                confirmIncoming(sh, shLab);
                confirmIncoming(zj, zjLab);
                confirmLocal(zj, zjLab);
                payApproved(zj);
                payApproved(sh);
                sleep(500);
            }
        }, "people");
        people.start();

        ExecutorService workers = Executors.newFixedThreadPool(Math.max(8, rate * 4));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> workers.submit(() -> {
            int pick = ThreadLocalRandom.current().nextInt(10);
            if (pick < 4) {
                file(zj, "ZJ", zjVouchers, shLab, true);
            } else if (pick < 7) {
                file(sh, "SH", shVouchers, zjLab, true);
            } else if (pick < 9) {
                file(zj, "ZJ", zjVouchers, zjLab, false);
            } else {
                zjVouchers.add(enterpriseWithVoucher(zj, "330106"));
                applications.incrementAndGet();
            }
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.shutdown();
        workers.shutdown();
        workers.awaitTermination(15, TimeUnit.MINUTES);
        Files.writeString(state.resolve("load-done"), "");
        System.out.printf("load done: %d filings answered 201, %d applications; waiting for every process to be back%n",
                filings.size(), applications.get());
        awaitFile(state.resolve("recovered"), 15 * 60);

        long settleStart = System.currentTimeMillis();
        boolean settled = settle(zjLab, shLab);
        draining.set(false);
        people.join();
        System.out.printf("settled in %d s: %b%n", (System.currentTimeMillis() - settleStart) / 1000, settled);
        List<String> losses = verdict();
        report(settled, losses);
        return settled && losses.isEmpty();
    }

    // ---- the load

    private String provider(Load node, String district) {
        String p = uscc(district, 'L');
        call(node, "/api/v1/providers", "{\"uscc\":\"" + p + "\",\"name\":\"混沌检测院\",\"categories\":"
                + "[\"TESTING_INSPECTION_CERTIFICATION\"],\"qualifications\":[{\"kind\":\"CMA\",\"number\":\"1\"}]}");
        call(node, "/api/v1/operator/providers/" + p + "/admit", "{\"reason\":\"chaos\"}");
        return p;
    }

    private void awaitRecognised(Load node, String provider) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        while (!get(node, "/api/v1/public/yrd-providers").contains(provider)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException(provider + " never recognised");
            }
            Thread.sleep(500);
        }
    }

    private String[] enterpriseWithVoucher(Load node, String district) {
        String e = uscc(district, 'C');
        call(node, "/api/v1/enterprises", "{\"uscc\":\"" + e + "\",\"name\":\"混沌企业\",\"recipientType\":\"TECH_SME\","
                + "\"smeRegistrationNo\":\"C" + seq.incrementAndGet() + "\",\"smeRegistrationYear\":2025,"
                + "\"districtCode\":\"" + district + "\"}");
        Load.Answer applied = call(node, "/api/v1/enterprises/" + e + "/applications", "{\"amountFen\":2000000}");
        return new String[] {e, Load.string(applied.body(), "voucherId")};
    }

    private void file(Load node, String province, ConcurrentLinkedQueue<String[]> vouchers, String provider,
                      boolean crossRegion) {
        String[] v = vouchers.poll();
        if (v == null) {
            return;
        }
        try {
            String invoice = "CH-" + province + "-" + seq.incrementAndGet();
            Load.Answer a = call(node, "/api/v1/enterprises/" + v[0] + "/redemptions", "{\"voucherId\":\"" + v[1]
                    + "\",\"providerUscc\":\"" + provider + "\",\"category\":\"TESTING_INSPECTION_CERTIFICATION\","
                    + "\"declarations\":{\"patentApplicationStage\":false,\"statutoryTesting\":false,"
                    + "\"otherPublicFunding\":false},\"contractNo\":\"HT-" + invoice + "\",\"invoiceNo\":\"" + invoice
                    + "\",\"actualExpenditureFen\":2000,\"requestedFen\":1000,\"completionDate\":\"" + TODAY + "\"}");
            if (a.status() == 201) {
                filings.add(new Filing(Load.string(a.body(), "id"), province, crossRegion, System.currentTimeMillis()));
            }
        } finally {
            vouchers.add(v);
        }
    }

    private void confirmIncoming(Load node, String provider) {
        for (String id : ids(get(node, "/api/v1/providers/" + provider + "/incoming-redemptions?status=REQUESTED&limit=500"))) {
            if (call(node, "/api/v1/providers/" + provider + "/incoming-redemptions/" + id + "/confirm", "{}",
                    "confirm-" + id).status() == 200) {
                confirmations.add(id);
            }
        }
    }

    private void confirmLocal(Load node, String provider) {
        // the node's queue of filings waiting for a provider (the provider's own list is every redemption, oldest first)
        for (String id : idsOf(get(node, "/api/v1/operator/redemptions?status=FILED&limit=500"), provider)) {
            if (call(node, "/api/v1/providers/" + provider + "/redemptions/" + id + "/confirm", "{}",
                    "confirm-" + id).status() == 200) {
                confirmations.add(id);
            }
        }
    }

    private void payApproved(Load node) {
        for (String id : ids(get(node, "/api/v1/operator/redemptions?status=APPROVED&limit=500"))) {
            if (call(node, "/api/v1/operator/redemptions/" + id + "/pay", "{\"paymentReference\":\"CHAOS\"}",
                    "pay-" + id).status() == 200) {
                payments.add(id);
            }
        }
    }

    private Load.Answer call(Load node, String path, String json) {
        return call(node, path, json, UUID.randomUUID().toString());
    }

    /**
     * Sends until there is an answer that is not a fault (no connection, no token while Keycloak is away, a 5xx while a
     * process or the database is away), with the same Idempotency-Key each time, as a client that never gives up
     * would; a refused token (401) is renewed and the request sent again, three times at most. Counts the answers.
     */
    private Load.Answer call(Load node, String path, String json, String key) {
        long wait = 200;
        long until = System.currentTimeMillis() + 15 * 60_000;
        int refused = 0;
        while (true) {
            Load.Answer a;
            try {
                a = node.post(path, json, key);
            } catch (Load.NoToken away) {
                a = new Load.Answer(-2, away.getMessage());
            } catch (java.io.IOException unreachable) {
                a = new Load.Answer(-1, unreachable.toString());
            }
            answers.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
            if (a.status() >= 400) {
                List<String> seen = examples.computeIfAbsent(a.status(), s -> new java.util.concurrent.CopyOnWriteArrayList<>());
                if (seen.size() < 3) {
                    seen.add(path + " → " + a.body().substring(0, Math.min(300, a.body().length())));
                }
            }
            boolean fault = a.status() <= 0 || a.status() >= 500 || a.status() == 401 && refused++ < 3;
            if (!fault || System.currentTimeMillis() > until) {
                return a;
            }
            retries.incrementAndGet();
            sleep(wait);
            wait = Math.min(wait * 2, 2_000);
        }
    }

    private String get(Load node, String path) {
        try {
            return node.get(path);
        } catch (java.io.IOException unreachable) {
            return "";
        }
    }

    // ---- settling and the verdict

    /** Until nothing waits any more: no request unanswered, nothing approved unpaid, every outbox sent. */
    private boolean settle(String zjLab, String shLab) throws Exception {
        long until = System.currentTimeMillis() + 10 * 60_000;
        while (System.currentTimeMillis() < until) {
            long waiting = count(shDb, "SELECT count(*) FROM incoming_redemption WHERE status = 'REQUESTED'")
                    + count(zjDb, "SELECT count(*) FROM incoming_redemption WHERE status = 'REQUESTED'")
                    + count(zjDb, "SELECT count(*) FROM redemption WHERE status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED')")
                    + count(shDb, "SELECT count(*) FROM redemption WHERE status IN ('FILED', 'PROVIDER_CONFIRMED', 'APPROVED')")
                    + count(zjDb, "SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                    + count(shDb, "SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                    + count(hubDb, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
            if (waiting == 0) {
                Thread.sleep(6_000); // two ledger snapshots, for the hub's reconciliation
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private List<String> verdict() throws Exception {
        List<String> losses = new ArrayList<>();
        // every filing answered 201 exists once, where it was filed; none exists that was not answered
        for (String db : List.of(zjDb, shDb)) {
            String province = db == zjDb ? "ZJ" : "SH";
            Set<String> answered = new HashSet<>();
            filings.stream().filter(f -> f.issuing().equals(province)).forEach(f -> answered.add(f.id()));
            Set<String> stored = strings(db, "SELECT cast(id AS varchar) FROM redemption WHERE invoice_no LIKE 'CH-%'");
            Set<String> missing = new HashSet<>(answered);
            missing.removeAll(stored);
            Set<String> unanswered = new HashSet<>(stored);
            unanswered.removeAll(answered);
            if (!missing.isEmpty()) {
                losses.add(province + ": " + missing.size() + " filings answered 201 do not exist, e.g. " + first(missing));
            }
            if (!unanswered.isEmpty()) {
                losses.add(province + ": " + unanswered.size() + " filings exist that no answer named, e.g. " + first(unanswered));
            }
            // nothing paid twice: one REDEEM per paid redemption, none for any other
            long doubled = count(db, "SELECT count(*) FROM (SELECT redemption_id FROM ledger_entry WHERE kind = 'REDEEM' "
                    + "GROUP BY redemption_id HAVING count(*) > 1) d");
            long paidWithout = count(db, "SELECT count(*) FROM redemption r WHERE r.status = 'PAID' AND NOT EXISTS "
                    + "(SELECT 1 FROM ledger_entry l WHERE l.redemption_id = r.id AND l.kind = 'REDEEM')");
            if (doubled + paidWithout > 0) {
                losses.add(province + ": " + doubled + " redemptions paid twice, " + paidWithout + " paid without money");
            }
        }
        // every cross-region filing reached its provider's node exactly once (an id is the incoming row's key)
        for (Filing f : filings) {
            if (f.crossRegion()) {
                String providerDb = f.issuing().equals("ZJ") ? shDb : zjDb;
                long n = count(providerDb, "SELECT count(*) FROM incoming_redemption WHERE id = cast('" + f.id() + "' AS uuid)");
                String status = string(f.issuing().equals("ZJ") ? zjDb : shDb,
                        "SELECT status FROM redemption WHERE id = cast('" + f.id() + "' AS uuid)");
                if (n != 1 && !"REJECTED".equals(status)) {
                    losses.add("cross-region filing " + f.id() + " (" + status + ") reached its provider " + n + " times");
                }
            }
        }
        // every ledger reconciles, and the hub's figures equal every node's
        for (Load node : List.of(zj, sh)) {
            String balance = get(node, "/api/v1/operator/ledger/balance");
            if (!balance.contains("\"reconciles\":true")) {
                losses.add("a node's ledger does not reconcile: " + balance);
            }
            String verify = get(node, "/api/v1/operator/audit/verify");
            if (!verify.contains("\"intact\":true") || !verify.contains("\"status\":\"MATCHES\"")) {
                losses.add("an audit chain does not verify: " + verify.substring(0, Math.min(400, verify.length())));
            }
        }
        String reconciliation = get(hub, "/api/v1/taskgroup/reconciliation");
        if (reconciliation.isEmpty() || reconciliation.contains("\"matches\":false")) {
            losses.add("the hub's figures differ from a node's ledger: " + reconciliation);
        }
        // the quarantines hold exactly the poison
        Set<String> poison = new HashSet<>();
        Path poisonFile = state.resolve("poison.txt");
        if (Files.exists(poisonFile)) {
            Files.readAllLines(poisonFile).forEach(l -> poison.add(l.substring(l.indexOf(' ') + 1)));
        }
        Set<String> quarantined = new HashSet<>();
        for (String db : List.of(zjDb, shDb, hubDb)) {
            quarantined.addAll(strings(db, "SELECT record_sha256 FROM quarantine"));
        }
        Set<String> notKept = new HashSet<>(poison);
        notKept.removeAll(quarantined);
        Set<String> notPoison = new HashSet<>(quarantined);
        notPoison.removeAll(poison);
        if (!notKept.isEmpty()) {
            losses.add(notKept.size() + " poison records were not quarantined");
        }
        if (!notPoison.isEmpty()) {
            losses.add(notPoison.size() + " records were quarantined that were not poison: "
                    + strings(hubDb, "SELECT reason || ' ' || detail FROM quarantine LIMIT 3")
                    + strings(zjDb, "SELECT reason || ' ' || detail FROM quarantine LIMIT 3"));
        }
        System.out.printf("poison: %d records sent, %d quarantined%n", poison.size(), quarantined.size());
        return losses;
    }

    private void report(boolean settled, List<String> losses) throws Exception {
        System.out.println("---- chaos run");
        long cross = filings.stream().filter(Filing::crossRegion).count();
        System.out.printf("load: %d filings (%d cross-region, %d local), %d applications, %d confirmations, %d payments, "
                + "%d retried requests%n", filings.size(), cross, filings.size() - cross, applications.get(),
                confirmations.size(), payments.size(), retries.get());
        System.out.println("answers by status (-1: no connection, -2: no token from Keycloak): " + new TreeMap<>(answers));
        new TreeMap<>(examples).forEach((status, seen) -> seen.forEach(e -> System.out.println("  " + status + " " + e)));
        List<long[]> faults = new ArrayList<>();
        Path log = state.resolve("faults.log");
        if (Files.exists(log)) {
            Map<String, List<Long>> byKind = new TreeMap<>();
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split(" ");
                long start = Long.parseLong(f[0]);
                long end = Long.parseLong(f[1]);
                faults.add(new long[] {start, end});
                byKind.computeIfAbsent(f[2] + " " + f[3], k -> new ArrayList<>()).add(end - start);
            }
            System.out.println("faults (kind target: count, time to recover p50/max s):");
            byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %2d  %5.1f / %5.1f%n", k, v.size(),
                    pct(v, 50) / 1000.0, pct(v, 100) / 1000.0));
        }
        // filed -> visible at the provider's node, around faults (a minute from a fault's start) and away from them
        List<Long> near = new ArrayList<>();
        List<Long> away = new ArrayList<>();
        for (String[] pair : new String[][] {{shDb, "ZJ"}, {zjDb, "SH"}}) {
            try (Connection c = DriverManager.getConnection(pair[0], "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("SELECT extract(epoch FROM filed_at) * 1000, "
                         + "extract(epoch FROM received_at - filed_at) * 1000 FROM incoming_redemption WHERE issuing_province = '"
                         + pair[1] + "'")) {
                while (rs.next()) {
                    long filed = rs.getLong(1);
                    boolean isNear = faults.stream().anyMatch(f -> filed >= f[0] && filed <= f[0] + 60_000);
                    (isNear ? near : away).add(rs.getLong(2));
                }
            }
        }
        System.out.printf("filed->visible at the provider's node: p50 %d ms, p99 %d ms away from faults (n=%d); "
                + "p50 %d ms, p99 %d ms within a minute of a fault (n=%d)%n", pct(away, 50), pct(away, 99), away.size(),
                pct(near, 50), pct(near, 99), near.size());
        System.out.println(settled ? "settled: nothing left waiting" : "NOT SETTLED within 10 minutes");
        if (losses.isEmpty()) {
            System.out.println("verdict: no loss (every filing once, every cross-region request delivered once, nothing "
                    + "paid twice, ledgers reconciled with the hub, audit chains intact, quarantines hold exactly the poison)");
        } else {
            System.out.println("verdict: LOSS");
            losses.forEach(l -> System.out.println("  - " + l));
        }
    }

    // ---- small helpers

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A list answer's items; nothing for any other answer (a problem while a process or the database is away is an
     * object, whose fields are no items to act on).
     */
    private static Iterable<com.fasterxml.jackson.databind.JsonNode> list(String json) throws java.io.IOException {
        var tree = JSON.readTree(json.isEmpty() ? "[]" : json);
        return tree.isArray() ? tree : List.of();
    }

    /** The ids of a list's items whose provider is {@code provider}. */
    static List<String> idsOf(String json, String provider) {
        List<String> out = new ArrayList<>();
        try {
            for (var item : list(json)) {
                if (provider.equals(item.path("providerUscc").asText())) {
                    out.add(item.path("id").asText());
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // a fault's answer: nothing to act on this round
        }
        return out;
    }

    /** The ids of a list's items, of those in {@code status} if given. */
    static List<String> ids(String json, String... status) {
        List<String> out = new ArrayList<>();
        try {
            for (var item : list(json)) {
                if (status.length == 0 || status[0].equals(item.path("status").asText())) {
                    out.add(item.path("id").asText());
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // a fault's answer (a problem, or nothing): nothing to act on this round
        }
        return out;
    }

    private static long pct(List<Long> values, int p) {
        return FederationBenchmark.pct(values.stream().mapToLong(Long::longValue).sorted().toArray(), p);
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Set<String> strings(String db, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1).trim());
            }
        }
        return out;
    }

    private static String first(Set<String> s) {
        return s.iterator().next();
    }

    private static void awaitFile(Path file, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (!Files.exists(file) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
