package org.yrd.voucher.node.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.yrd.voucher.node.common.NodeConfig;

/** The heads of this node's audit chain that the hub received with the ledger snapshots and keeps. */
@ApplicationScoped
public class HubWitness {
    private final NodeConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    HubWitness(NodeConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public record Head(long seq, String hash, java.time.OffsetDateTime receivedAt) {}

    /**
     * Every head the hub holds of this node's chain, oldest first, read a page at a time as the verification walks
     * the chain ({@code GET /api/v1/public/audit-heads/{province}?after=}): all of them are compared, however many
     * snapshots the hub has received, and never more than a page is held.
     */
    public Witnessed witnessed() {
        return new Witnessed();
    }

    public final class Witnessed {
        static final int PAGE = 1_000;
        private final java.util.ArrayDeque<Head> page = new java.util.ArrayDeque<>();
        private long after;
        private boolean last;
        private String failure;
        private String note = "node.hub-url is not set";

        private Witnessed() {
            if (config.hubUrl().isEmpty()) {
                failure = note;
                last = true;
            }
        }

        /** The next head, or null after the last (or if the hub could not be read: see {@link #available()}). */
        public Head peek() {
            while (page.isEmpty() && !last) {
                fetch();
            }
            return page.peekFirst();
        }

        public Head next() {
            Head h = peek();
            if (h != null) {
                page.removeFirst();
            }
            return h;
        }

        public boolean available() {
            return failure == null;
        }

        public String note() {
            return failure != null ? failure : note;
        }

        private void fetch() {
            URI uri = URI.create(config.hubUrl().get().replaceAll("/$", "") + "/api/v1/public/audit-heads/"
                    + config.province().name() + "?limit=" + PAGE + "&after=" + after);
            note = uri.toString().replaceAll("\\?.*", "");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    fail(uri + " answered " + r.statusCode());
                    return;
                }
                List<Head> heads = json.readValue(r.body(), new TypeReference<List<Head>>() {});
                page.addAll(heads);
                last = heads.size() < PAGE;
                if (!heads.isEmpty()) {
                    after = heads.get(heads.size() - 1).seq();
                }
            } catch (IOException e) {
                fail(uri + " not reachable: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }

        private void fail(String why) {
            failure = why;
            last = true;
            page.clear();
        }
    }
}
