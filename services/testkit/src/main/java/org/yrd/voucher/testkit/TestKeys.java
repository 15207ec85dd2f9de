package org.yrd.voucher.testkit;

import java.nio.file.Path;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventSignatures;

/**
 * The Ed25519 signing keys of a test run: one pair for the hub and one per province, made once per JVM (the
 * directory is kept in a system property, so every Quarkus class loader of the run uses the same keys). The
 * apps' test profiles sign with their own and trust the others' ({@code yrd.test.keys-dir}).
 */
public final class TestKeys {
    static final String DIR = "yrd.test.keys-dir";
    public static final String[] SIGNERS = {"hub", "SH", "JS", "ZJ", "AH"};

    private TestKeys() {}

    public static Path dir() {
        synchronized (System.class) {
            String dir = System.getProperty(DIR);
            if (dir == null) {
                Path d = Path.of(System.getProperty("java.io.tmpdir"), "yrd-test-keys-" + ProcessHandle.current().pid());
                EventSignatures.generate(d, SIGNERS);
                dir = d.toString();
                System.setProperty(DIR, dir);
            }
            return Path.of(dir);
        }
    }

    /** The event signed with the run's key of {@code signer} (hub, SH …), whatever source it names. */
    public static CloudEvent signedBy(String signer, CloudEvent e) {
        return EventSignatures.sign(e, EventSignatures.readPrivate(dir().resolve(signer + ".key.pem")));
    }
}
