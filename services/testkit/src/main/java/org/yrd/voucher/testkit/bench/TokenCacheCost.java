package org.yrd.voucher.testkit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yrd.voucher.testkit.Tokens;

/**
 * What a token the app has not seen costs it, against one it verified before ({@code yrd.auth.token-cache.*}):
 * batches of one enterprise's reads of its own record, all with one token or each with a token of its own (the same
 * claims and a nonce), alternately, on four connections; prints the app's CPU per request of each batch (from
 * {@code /proc}). Run by deploy/bench-node.sh after the cycle; the first rounds warm the JIT up.
 * <p>
 * {@code TokenCacheCost <base-url> <app-pid> <province> <uscc> [requests] [rounds]}, with the run's token key
 * ({@code -Dyrd.test.token.private=… -Dyrd.test.token.public=…}).
 */
public final class TokenCacheCost {
    private TokenCacheCost() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        String province = args[2];
        String uscc = args[3];
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 6;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String known = Tokens.bearer(Tokens.Identity.enterprise(province, uscc), Duration.ofHours(1));
        try {
            for (int round = 1; round <= rounds; round++) {
                double kept = perRequest(http, pool, base, pid, uscc, tokens(known, province, uscc, requests, false));
                double fresh = perRequest(http, pool, base, pid, uscc, tokens(known, province, uscc, requests, true));
                System.out.printf("round %d: node CPU per request %.3f ms with a token verified before, %.3f ms with a "
                        + "token not seen before%n", round, kept, fresh);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> tokens(String known, String province, String uscc, int n, boolean fresh) {
        List<String> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(!fresh ? known : Tokens.bearer(new Tokens.Identity(province, uscc.toLowerCase(), "enterprise",
                    Map.of("uscc", uscc, "province", province, "nonce", UUID.randomUUID().toString())),
                    Duration.ofHours(1)));
        }
        return tokens;
    }

    /** The app's CPU milliseconds per request over these requests; every answer must be a 200. */
    private static double perRequest(HttpClient http, ExecutorService pool, String base, long pid, String uscc,
                                     List<String> tokens) throws Exception {
        URI uri = URI.create(base + "/api/v1/enterprises/" + uscc);
        double before = ServerCost.cpu(pid);
        List<Future<Integer>> answers = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(uri).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> a : answers) {
            if (a.get() != 200) {
                throw new IOException("GET " + uri + " answered " + a.get());
            }
        }
        return (ServerCost.cpu(pid) - before) * 1000 / tokens.size();
    }
}
