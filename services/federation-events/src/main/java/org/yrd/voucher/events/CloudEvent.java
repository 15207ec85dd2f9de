package org.yrd.voucher.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as carried in a Kafka record's value. {@code source}
 * is {@code /yrd/node/<province>} or {@code /yrd/hub}; {@code type} is {@code yrd.<aggregate>.<event>.v1};
 * {@code schemaversion} is an extension attribute giving the payload's schema version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, int schemaversion, JsonNode data) {

    public static final String HUB_SOURCE = "/yrd/hub";

    public static String nodeSource(String province) {
        return "/yrd/node/" + province;
    }

    /** The province a node source names, or null for the hub or anything else. */
    public String sourceProvince() {
        return source != null && source.startsWith("/yrd/node/") ? source.substring("/yrd/node/".length()) : null;
    }
}
