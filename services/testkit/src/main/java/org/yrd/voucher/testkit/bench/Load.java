package org.yrd.voucher.testkit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * Small helpers for the benchmark drivers: JSON POSTs and latency percentiles. Each calling thread is
 * one simulated user with its own HTTP/1.1 keep-alive connection, as real clients have; one shared
 * client would multiplex every thread's requests over a single HTTP/2 connection, and the server
 * then serialises all of them on that connection's lock.
 */
final class Load {
    private final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
    private final String base;

    Load(String base) {
        this.base = base.replaceAll("/$", "");
    }

    record Answer(int status, String body) {}

    Answer post(String path, String json) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> resp = http.get().send(r, HttpResponse.BodyHandlers.ofString());
        return new Answer(resp.statusCode(), resp.body());
    }

    String get(String path) throws IOException, InterruptedException {
        return http.get().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** p-th percentile (0–100) of nanosecond samples, in milliseconds. */
    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    static long[] sorted(long[] samples, int n) {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return s;
    }

    /** Pulls a top-level number out of a flat JSON answer without a JSON library. */
    static long number(String json, String field) {
        int i = json.indexOf("\"" + field + "\":");
        if (i < 0) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        int start = i + field.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }

    static String string(String json, String field) {
        int i = json.indexOf("\"" + field + "\":\"");
        if (i < 0) {
            return null;
        }
        int start = i + field.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
