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

    public record Heads(boolean available, List<Head> heads, String note) {}

    public Heads heads() {
        if (config.hubUrl().isEmpty()) {
            return new Heads(false, List.of(), "node.hub-url is not set");
        }
        URI uri = URI.create(config.hubUrl().get().replaceAll("/$", "") + "/api/v1/public/audit-heads/"
                + config.province().name());
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return new Heads(false, List.of(), uri + " answered " + r.statusCode());
            }
            return new Heads(true, json.readValue(r.body(), new TypeReference<List<Head>>() {}), uri.toString());
        } catch (IOException e) {
            return new Heads(false, List.of(), uri + " not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Heads(false, List.of(), "interrupted");
        }
    }
}
