package org.yrd.voucher.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No control character reaches a feature, let alone the database (PostgreSQL's text cannot hold NUL): NUL, the other
 * C0 controls and DEL in a path or query parameter or in a header the API reads are a 400 naming the parameter; in a
 * JSON string too, where only tab, line feed and carriage return are allowed (free text may have lines).
 */
@Singleton
public class ControlCharacters implements ObjectMapperCustomizer {
    /** Headers whose values the API reads as data. */
    static final List<String> HEADERS = List.of("Idempotency-Key", "X-Forwarded-For", "Forwarded", "Accept-Language");

    /** True if {@code s} holds a C0 control or DEL; tab, line feed and carriage return only where {@code text}. */
    public static boolean present(String s, boolean text) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(text && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** Before any filter that reads a parameter to decide who may call (a node's scope checks). */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void refuseInParameters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        try {
            check(uri.getPathParameters(true));
            check(uri.getQueryParameters(true));
        } catch (IllegalArgumentException undecodable) {
            throw ProblemException.invalid("parameter", "percent-encoding"); // e.g. "%zz": no character at all
        }
        for (String header : HEADERS) {
            String value = request.getHeaderString(header);
            if (value != null && present(value, false)) {
                throw ProblemException.invalid(header, "control-character");
            }
        }
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (present(p.getKey(), false)) {
                throw ProblemException.invalid("parameter", "control-character");
            }
            for (String value : p.getValue()) {
                if (value != null && present(value, false)) {
                    throw ProblemException.invalid(p.getKey(), "control-character");
                }
            }
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("control-characters").addDeserializer(String.class, new Strings()));
    }

    /** A JSON string with a control character other than tab and line breaks is refused, naming its field. */
    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && present(s, true)) {
                throw new Refused(p);
            }
            return s;
        }
    }

    /** Mapped to the {@code control-character} violation of the field it names (ProblemMapper). */
    static final class Refused extends JsonMappingException {
        Refused(JsonParser p) {
            super(p, "a control character in a string");
        }
    }
}
