package org.yrd.voucher.testkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.yrd.voucher.testkit.TestIdentities;
import org.yrd.voucher.testkit.Tokens;

/**
 * Small helpers for the benchmark drivers: JSON POSTs and latency percentiles. Each calling thread is
 * one simulated user on an HTTP/1.1 keep-alive connection, as real clients are. The JDK's
 * {@link HttpURLConnection} does its I/O in the calling thread and pools kept-alive connections per
 * host; {@code java.net.http.HttpClient} hands every exchange to its selector thread and back, which on
 * this two-core host cost the driver a fifth of a core at 50 filings a second (docs/benchmarks.md).
 */
final class Load {
    static {
        // the JDK keeps at most 5 idle connections per host by default; every simulated user keeps its own
        System.setProperty("http.maxConnections", "256");
    }

    private final String base;
    private final String realm;
    private final Credentials credentials;

    /** Where a simulated user's bearer token comes from. */
    interface Credentials {
        /** The {@code Authorization} value of {@code who}; a RuntimeException when none can be had now. */
        String bearer(Tokens.Identity who);

        /** The app refused {@code who}'s token (401): the next request signs in afresh. */
        default void refused(Tokens.Identity who) {
        }
    }

    /** No token could be had (the identity provider is away): the request was not sent. */
    static final class NoToken extends IOException {
        NoToken(RuntimeException cause) {
            super("no token: " + cause.getMessage(), cause);
        }
    }

    /**
     * Tokens minted with the run's test key, one per user and minted once: signing is the driver's work, not the
     * node's (docs/benchmarks.md). {@code realm}: the node's province (SH …), whose test issuer the node trusts.
     */
    Load(String base, String realm) {
        this(base, realm, minted());
    }

    Load(String base, String realm, Credentials credentials) {
        this.base = base.replaceAll("/$", "");
        this.realm = realm;
        this.credentials = credentials;
    }

    private static Credentials minted() {
        java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        return who -> tokens.computeIfAbsent(who.role() + "/" + who.subject(),
                k -> Tokens.bearer(who, java.time.Duration.ofHours(2)));
    }

    /** Signs the request in as the user {@code path} belongs to, as the tests do (testkit TestIdentities). */
    private Tokens.Identity signIn(HttpURLConnection c, String path, String json) throws NoToken {
        Tokens.Identity who = TestIdentities.identityFor(realm, path, json);
        if (who != null) {
            try {
                c.setRequestProperty("Authorization", credentials.bearer(who));
            } catch (RuntimeException unavailable) {
                throw new NoToken(unavailable);
            }
        }
        return who;
    }

    private Answer refusedOrNot(Answer a, Tokens.Identity who) {
        if (a.status() == 401 && who != null) {
            credentials.refused(who);
        }
        return a;
    }

    record Answer(int status, String body) {}

    Answer post(String path, String json) throws IOException {
        return post(path, json, UUID.randomUUID().toString());
    }

    /** With the caller's {@code Idempotency-Key}: a retry of the same request sends the same one. */
    Answer post(String path, String json, String idempotencyKey) throws IOException {
        HttpURLConnection c = open(path);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Idempotency-Key", idempotencyKey);
        Tokens.Identity who = signIn(c, path, json);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return refusedOrNot(answer(c), who);
    }

    String get(String path) throws IOException {
        HttpURLConnection c = open(path);
        Tokens.Identity who = signIn(c, path, null);
        return refusedOrNot(answer(c), who).body();
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        return c;
    }

    /** Reads the whole answer, error bodies included, so that the connection goes back to the keep-alive pool. */
    private static Answer answer(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return new Answer(status, "");
        }
        try (in) {
            return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
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
