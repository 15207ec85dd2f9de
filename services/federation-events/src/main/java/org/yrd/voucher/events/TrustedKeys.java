package org.yrd.voucher.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public keys a receiver trusts for one signer, with the times each may have signed at, so that a signer's key
 * can be rotated without stopping the federation (docs/deploy.md "Rotating a signing key"). In the trust directory:
 * <ul>
 *   <li>{@code <signer>.pub.pem}: the signer's current key;</li>
 *   <li>{@code <signer>.next.pub.pem}: the key it is about to switch to, trusted from the moment it is added, so
 *       that receivers can be given it before the signer switches;</li>
 *   <li>{@code <signer>.retired-<yyyyMMdd'T'HHmmss'Z'>.pub.pem}: a key retired at that instant, still trusted for
 *       events signed before it (their signed {@code time} at or before that instant), so that the compacted topics
 *       replayed from the start (the registry, the credit list) keep their old records valid, and refused for any
 *       event it signed later.</li>
 * </ul>
 * The file names fit a Kubernetes secret's keys, so that one secret holds all of a receiver's trust.
 */
public final class TrustedKeys {
    private static final Pattern SIGNER = Pattern.compile("[A-Za-z]{2,3}");
    private static final DateTimeFormatter RETIRED =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A trusted key and the last instant it may have signed at (null: any). */
    public record Key(PublicKey key, Instant retiredAt) {
        boolean mayHaveSigned(Instant time) {
            return retiredAt == null || time != null && !time.isAfter(retiredAt);
        }
    }

    private final List<Key> keys;

    private TrustedKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Whether {@code signer} can name a signer ({@code hub} or a province code), as a key file's name does. */
    public static boolean isSigner(String signer) {
        return signer != null && SIGNER.matcher(signer).matches();
    }

    /** The signer's keys in {@code dir}; none when the signer's name is not one (a forged source). */
    public static TrustedKeys of(Path dir, String signer) {
        List<Key> keys = new ArrayList<>();
        if (!isSigner(signer)) {
            return new TrustedKeys(keys);
        }
        Pattern name = Pattern.compile(Pattern.quote(signer) + "(?:\\.(next)|\\.retired-([0-9]{8}T[0-9]{6}Z))?\\.pub\\.pem");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (!m.matches() || !Files.isReadable(f) || Files.isDirectory(f)) {
                    continue;
                }
                Instant retired = null;
                if (m.group(2) != null) {
                    try {
                        retired = RETIRED.parse(m.group(2), Instant::from);
                    } catch (DateTimeParseException e) {
                        continue; // not a time: not a key of this scheme
                    }
                }
                keys.add(new Key(EventSignatures.readPublic(f), retired));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrustedKeys(keys);
    }

    /** The file name under which a key retired at {@code at} is kept. */
    public static String retiredName(String signer, Instant at) {
        return signer + ".retired-" + RETIRED.format(at) + ".pub.pem";
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public List<Key> keys() {
        return keys;
    }

    /** Whether a key that may have signed at the event's time signed exactly its content. */
    public boolean verify(CloudEvent e) {
        for (Key k : keys) {
            if (k.mayHaveSigned(e.time()) && EventSignatures.verify(e, k.key)) {
                return true;
            }
        }
        return false;
    }
}
