package org.yrd.voucher.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The federation's signatures, now made and checked with BouncyCastle, are the JDK's Ed25519 signatures bit for bit
 * (RFC 8032 signatures are deterministic): events signed before the change still verify, the keys' PEM files keep
 * working, and a node of either kind accepts the other's. Anything altered or signed by another key is refused.
 */
class EventSignaturesTest {
    @TempDir
    Path keys;

    private CloudEvent event() {
        return EventCodec.envelope("urn:yrd:node:ZJ", EventTypes.REDEMPTION_REQUESTED, "r-1", Instant.parse(
                "2026-12-02T08:00:00Z"), Map.of("redemptionId", "r-1", "invoiceHash", "ab".repeat(32)));
    }

    private PrivateKey privateKey(String signer) {
        EventSignatures.generate(keys, signer);
        return EventSignatures.readPrivate(keys.resolve(signer + ".key.pem"));
    }

    private PublicKey publicKey(String signer) {
        return EventSignatures.readPublic(keys.resolve(signer + ".pub.pem"));
    }

    @Test
    void aSignatureIsTheJdksBitForBitAndEachVerifiesTheOther() throws Exception {
        PrivateKey key = privateKey("ZJ");
        CloudEvent e = event();
        CloudEvent signed = EventSignatures.sign(e, key);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(key);
        jdk.update(EventCodec.signingBytes(e));
        String byJdk = Base64.getEncoder().encodeToString(jdk.sign());
        assertThat(signed.signature()).isEqualTo(byJdk);

        Signature check = Signature.getInstance("Ed25519");
        check.initVerify(publicKey("ZJ"));
        check.update(EventCodec.signingBytes(signed));
        assertThat(check.verify(Base64.getDecoder().decode(signed.signature()))).isTrue();
        assertThat(EventSignatures.verify(e.withSignature(byJdk), publicKey("ZJ"))).isTrue();
    }

    @Test
    void anAlteredEventAnotherSignersKeyOrASignatureThatIsNoneIsRefused() {
        PrivateKey zj = privateKey("ZJ");
        privateKey("SH");
        CloudEvent signed = EventSignatures.sign(event(), zj);
        assertThat(EventSignatures.verify(signed, publicKey("ZJ"))).isTrue();
        assertThat(EventSignatures.verify(signed, publicKey("SH"))).isFalse();
        CloudEvent altered = EventSignatures.sign(event(), zj);
        altered = new CloudEvent(altered.specversion(), altered.id(), altered.source(), altered.type(), "r-2",
                altered.time(), altered.datacontenttype(), altered.schemaversion(), altered.data(), altered.sequence(),
                altered.signature(), null);
        assertThat(EventSignatures.verify(altered, publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(event().withSignature("not base64 at all!"), publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(event().withSignature(Base64.getEncoder().encodeToString(new byte[64])),
                publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(event().withSignature(Base64.getEncoder().encodeToString(new byte[3])),
                publicKey("ZJ"))).isFalse();
        assertThat(EventSignatures.verify(event(), publicKey("ZJ"))).isFalse(); // unsigned
    }

    @Test
    void theKeyFilesAreTheSamePemFiles() throws Exception {
        privateKey("hub");
        assertThat(Files.readString(keys.resolve("hub.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(keys.resolve("hub.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
