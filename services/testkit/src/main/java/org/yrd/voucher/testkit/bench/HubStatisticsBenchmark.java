package org.yrd.voucher.testkit.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yrd.voucher.testkit.Tokens;

/**
 * Times every query of the task group's dashboard at the hub, one client, each {@code rounds} times after a warm-up,
 * and the CSV export once (streamed: its bytes are counted as they arrive, the hub's heap stays bounded by -Xmx).
 * Prints p50/p99 per query. Used by deploy/bench-hub.sh on a hub holding a large history (docs/benchmarks.md).
 *   HubStatisticsBenchmark <hubUrl> <rounds>
 */
public final class HubStatisticsBenchmark {
    private HubStatisticsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        int rounds = Integer.parseInt(args[1]);
        String bearer = Tokens.bearer(Tokens.Identity.taskgroup("bench"), Duration.ofHours(2));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("provinces", "/api/v1/taskgroup/provinces");
        queries.put("provinces?year", "/api/v1/taskgroup/provinces?year=2025");
        queries.put("flows", "/api/v1/taskgroup/flows");
        queries.put("categories", "/api/v1/taskgroup/categories");
        queries.put("time-to-redemption", "/api/v1/taskgroup/time-to-redemption");
        queries.put("top-providers", "/api/v1/taskgroup/top-providers?limit=20");
        queries.put("cities?year", "/api/v1/taskgroup/cities?year=2025");
        queries.put("reconciliation", "/api/v1/taskgroup/reconciliation");
        queries.put("public catalogue", "/api/v1/public/providers");
        for (var q : queries.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub + q.getValue()))
                    .header("Authorization", bearer).GET().build();
            for (int i = 0; i < Math.max(5, rounds / 10); i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()), q.getKey());
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                check(http.send(request, HttpResponse.BodyHandlers.ofString()), q.getKey());
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf("RESULT query=%-20s rounds=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", q.getKey(), rounds,
                    Load.percentileMs(nanos, 50), Load.percentileMs(nanos, 99), nanos[nanos.length - 1] / 1e6);
        }
        long t0 = System.nanoTime();
        HttpResponse<InputStream> csv = http.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/taskgroup/export.csv"))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = csv.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (bytes == 0) {
                    firstByte = System.nanoTime() - t0;
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        System.out.printf("RESULT query=export.csv status=%d lines=%d bytes=%d first_byte_ms=%.0f total_s=%.1f%n",
                csv.statusCode(), lines, bytes, firstByte / 1e6, (System.nanoTime() - t0) / 1e9);
    }

    private static void check(HttpResponse<String> response, String query) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + ": " + response.statusCode() + " " + response.body());
        }
    }

}
