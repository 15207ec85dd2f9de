package org.yrd.voucher.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as carried in a Kafka record's value. {@code source}
 * is {@code /yrd/node/<province>} or {@code /yrd/hub}; {@code type} is {@code yrd.<aggregate>.<event>.v1};
 * {@code schemaversion} is an extension attribute giving the payload's schema version; {@code signature}, another
 * one, is the producer's Ed25519 signature over the rest of the envelope ({@link EventSignatures}). {@code sequence}
 * (the CloudEvents sequence extension, a number here) numbers a producer's state-carrying events per key, so that a
 * receiver applies only a newer state than the one it holds, however old a replayed copy is; null on events that
 * carry no state of their own (a transition, a request). {@code proof}, the last extension attribute, is present when
 * the signature covers a batch of events rather than this one alone: the path from this event to the root of the
 * batch's Merkle tree, which is what is signed ({@link EventSignatures#signBatch}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, int schemaversion, JsonNode data, Long sequence,
                         String signature, String proof) {

    public static final String HUB_SOURCE = "/yrd/hub";

    /** This event signed on its own: {@code value} signs exactly its content, so it carries no proof. */
    public CloudEvent withSignature(String value) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, schemaversion, data, sequence,
                value, null);
    }

    /** This event without its signature and proof: what a signature covers, directly or through a batch's root. */
    public CloudEvent unsigned() {
        return signature == null && proof == null ? this : withSignature(null);
    }

    public CloudEvent withSequence(long value) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, schemaversion, data, value,
                signature, proof);
    }

    /** Who signs events of this source: {@code hub}, or the province code of a node (the key files' names). */
    public String signer() {
        return HUB_SOURCE.equals(source) ? "hub" : sourceProvince();
    }

    public static String nodeSource(String province) {
        return "/yrd/node/" + province;
    }

    /** The province a node source names, or null for the hub or anything else. */
    public String sourceProvince() {
        return source != null && source.startsWith("/yrd/node/") ? source.substring("/yrd/node/".length()) : null;
    }
}
