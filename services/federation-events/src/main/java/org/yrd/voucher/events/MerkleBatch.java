package org.yrd.voucher.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The Merkle tree of a batch of events, hashed as RFC 6962 hashes a log (SHA-256; a leaf is hashed with a 0x00
 * prefix, an inner node with 0x01, so a leaf can never pass for a node), with a node without a partner carried up as
 * it is. One signature of the root stands for every event of the batch; each event carries its proof: the hashes
 * beside its path to the root, each written {@code L<hash>} (the partner is on the left) or {@code R<hash>}, in
 * unpadded base64url, joined by dots, from the leaf up (empty for a batch of one).
 */
final class MerkleBatch {
    /** What a batch signature signs: this prefix, then the 32 bytes of the root (an event's own JSON starts with '{'). */
    static final byte[] DOMAIN = "yrd-event-batch-v1:".getBytes(StandardCharsets.US_ASCII);
    /** A tree of 2^32 leaves is far beyond any batch; a longer proof is refused unread. */
    static final int MAX_DEPTH = 32;
    private static final int HASH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private MerkleBatch() {}

    /** A batch's root and the proof of each of its leaves, in the leaves' order. */
    record Tree(byte[] root, List<String> proofs) {}

    static Tree of(List<byte[]> contents) {
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one event");
        }
        List<byte[]> level = new ArrayList<>(contents.size());
        for (byte[] c : contents) {
            level.add(leaf(c));
        }
        List<StringBuilder> proofs = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            proofs.add(new StringBuilder());
        }
        // position of each leaf's ancestor in the current level
        int[] at = new int[contents.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = i;
        }
        while (level.size() > 1) {
            for (int i = 0; i < at.length; i++) {
                int partner = at[i] ^ 1;
                if (partner < level.size()) {
                    StringBuilder p = proofs.get(i);
                    p.append(p.isEmpty() ? "" : ".").append(partner < at[i] ? 'L' : 'R')
                            .append(ENCODER.encodeToString(level.get(partner)));
                }
                at[i] >>= 1;
            }
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = up;
        }
        return new Tree(level.get(0), proofs.stream().map(StringBuilder::toString).toList());
    }

    /** The root {@code proof} leads to from {@code content}, or null if the proof is malformed. */
    static byte[] root(byte[] content, String proof) {
        byte[] h = leaf(content);
        if (proof.isEmpty()) {
            return h;
        }
        String[] steps = proof.split("\\.", MAX_DEPTH + 1);
        if (steps.length > MAX_DEPTH) {
            return null;
        }
        for (String step : steps) {
            if (step.length() < 2 || (step.charAt(0) != 'L' && step.charAt(0) != 'R')) {
                return null;
            }
            byte[] partner = canonical(step.substring(1), DECODER, ENCODER);
            if (partner == null || partner.length != HASH) {
                return null;
            }
            h = step.charAt(0) == 'L' ? node(partner, h) : node(h, partner);
        }
        return h;
    }

    /** The bytes a batch signature signs for {@code root}. */
    static byte[] signed(byte[] root) {
        byte[] m = Arrays.copyOf(DOMAIN, DOMAIN.length + root.length);
        System.arraycopy(root, 0, m, DOMAIN.length, root.length);
        return m;
    }

    /**
     * The bytes {@code text} encodes, or null unless it is their one canonical encoding: base64 leaves the low bits of
     * its last character unused, and a decoder ignores them, so several texts decode to the same bytes. Only the text
     * the encoder would write is taken, so a signed record has exactly one spelling.
     */
    static byte[] canonical(String text, Base64.Decoder decoder, Base64.Encoder encoder) {
        try {
            byte[] bytes = decoder.decode(text);
            return encoder.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String encode(byte[] hash) {
        return ENCODER.encodeToString(hash);
    }

    private static byte[] leaf(byte[] content) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        return d.digest(content);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
