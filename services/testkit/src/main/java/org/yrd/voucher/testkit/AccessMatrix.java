package org.yrd.voucher.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may call what, as the code declares it: each operation's {@code @RolesAllowed} reaches the API document
 * as its bearer scopes; {@code @PermitAll} operations have no security requirement. The OpenAPI walk of each
 * app checks every operation against this, and {@link #syncDocument} keeps docs/security.md's table generated
 * from it.
 */
public final class AccessMatrix {
    private AccessMatrix() {}

    /** {@code roles} empty: public. */
    public record Operation(String method, String path, Set<String> roles) {
        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    public static List<Operation> of(String openApiJson) {
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).path("paths");
            List<Operation> ops = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                var path = it.next();
                for (String method : List.of("get", "post", "put", "delete", "patch")) {
                    JsonNode op = path.getValue().path(method);
                    if (op.isMissingNode()) {
                        continue;
                    }
                    Set<String> roles = new LinkedHashSet<>();
                    op.path("security").forEach(req -> req.fields().forEachRemaining(s -> s.getValue()
                            .forEach(r -> roles.add(r.asText()))));
                    ops.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), roles));
                }
            }
            ops.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Markdown table: one row per operation, one column per role, plus "public". */
    public static String table(List<Operation> ops, List<String> roles) {
        StringBuilder b = new StringBuilder("| operation | public |");
        roles.forEach(r -> b.append(' ').append(r).append(" |"));
        b.append("\n|---|---|");
        roles.forEach(r -> b.append("---|"));
        b.append('\n');
        for (Operation op : ops) {
            b.append("| `").append(op.method()).append(' ').append(op.path()).append("` | ")
                    .append(op.isPublic() ? "✓" : "").append(" |");
            roles.forEach(r -> b.append(' ').append(op.roles().contains(r) ? "✓" : "").append(" |"));
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Puts {@code table} between {@code <!-- matrix:NAME -->} and {@code <!-- /matrix:NAME -->} in the document.
     * Returns true when the document already said exactly that; otherwise rewrites it and returns false, so that
     * a test fails until the regenerated document is committed.
     */
    public static boolean syncDocument(Path document, String name, String table) {
        try {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            String open = "<!-- matrix:" + name + " -->\n";
            String close = "<!-- /matrix:" + name + " -->";
            int start = text.indexOf(open);
            int end = text.indexOf(close);
            if (start < 0 || end < start) {
                throw new IllegalStateException(document + " lacks the markers " + open.strip() + " … " + close);
            }
            String current = text.substring(start + open.length(), end);
            if (current.equals(table)) {
                return true;
            }
            Files.writeString(document, text.substring(0, start + open.length()) + table + text.substring(end),
                    StandardCharsets.UTF_8);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/security.md of the repository this module belongs to. */
    public static Path securityDocument() {
        return Keycloak.repositoryRoot().resolve("docs/security.md");
    }
}
