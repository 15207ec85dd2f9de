package org.yrd.voucher.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Ed25519 signatures of federation events (BouncyCastle's Ed25519, 8-17 times cheaper than the JDK's here; the
 * signatures are the same RFC 8032 signatures either way, and the keys the JDK's PEM files): each producer signs what
 * {@link EventCodec#signingBytes} gives with its private key; a receiver checks it with the public key of the
 * event's {@code source}. Keys are PEM files: {@code <signer>.key.pem} (PKCS#8, kept by its owner only) and
 * {@code <signer>.pub.pem} (X.509, given to the others), where the signer is {@code hub} or a province code.
 * <p>
 * An event is signed either on its own ({@link #sign}: the signature covers its content) or with the batch it is sent
 * in ({@link #signBatch}: one signature of the root of the batch's Merkle tree, and each event carries its
 * {@code proof}, the path from its content to that root). A receiver takes either; a proof that does not lead from
 * the event's own content to a root its source signed fails like a wrong signature.
 */
public final class EventSignatures {
    private static final String ALGORITHM = "Ed25519";

    private EventSignatures() {}

    /** The event signed on its own: the signature covers exactly its content. */
    public static CloudEvent sign(CloudEvent e, PrivateKey key) {
        return e.withSignature(signatureOf(EventCodec.signingBytes(e), key));
    }

    /**
     * The records for a batch of envelopes this app wrote without a signature ({@link EventCodec#write}), in their
     * order, each with its proof and the one signature of the batch's root added: one Ed25519 signature for the whole
     * batch. An envelope already signed on its own (written before batches were signed) is passed as it is.
     */
    public static List<String> signBatch(List<String> unsigned, PrivateKey key) {
        List<Integer> toSign = new ArrayList<>(unsigned.size());
        List<byte[]> contents = new ArrayList<>(unsigned.size());
        for (int i = 0; i < unsigned.size(); i++) {
            if (!EventCodec.signedAlone(unsigned.get(i))) {
                toSign.add(i);
                contents.add(unsigned.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> records = new ArrayList<>(unsigned);
        if (toSign.isEmpty()) {
            return records;
        }
        MerkleBatch.Tree tree = MerkleBatch.of(contents);
        String signature = signatureOf(MerkleBatch.signed(tree.root()), key);
        for (int j = 0; j < toSign.size(); j++) {
            int i = toSign.get(j);
            records.set(i, EventCodec.withBatchSignature(unsigned.get(i), tree.proofs().get(j), signature));
        }
        return records;
    }

    /** The record of an envelope this app wrote unsigned, signed on its own; one already signed is passed as it is. */
    public static String signAlone(String unsigned, PrivateKey key) {
        return EventCodec.signedAlone(unsigned) ? unsigned : EventCodec.write(sign(EventCodec.read(unsigned), key));
    }

    private static String signatureOf(byte[] content, PrivateKey key) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, PRIVATE.computeIfAbsent(key, EventSignatures::privateParameters));
        s.update(content, 0, content.length);
        return Base64.getEncoder().encodeToString(s.generateSignature());
    }

    /**
     * True if the event carries a signature by {@code key} of exactly its content, or of the root its proof leads to
     * from exactly its content.
     */
    public static boolean verify(CloudEvent e, PublicKey key) {
        if (e.signature() == null) {
            return false;
        }
        try {
            // one spelling per signature: otherwise a signed record could be sent again in another spelling
            byte[] signature = MerkleBatch.canonical(e.signature(), Base64.getDecoder(), Base64.getEncoder());
            if (signature == null) {
                return false;
            }
            byte[] content = EventCodec.signingBytes(e);
            if (e.proof() == null) {
                return verified(content, signature, key);
            }
            byte[] root = MerkleBatch.root(content, e.proof());
            if (root == null) {
                return false;
            }
            // the other events of a batch lead to the same root: its signature is checked once
            BatchKey batch = new BatchKey(key, MerkleBatch.encode(root), e.signature());
            if (BATCHES.containsKey(batch)) {
                return true;
            }
            if (!verified(MerkleBatch.signed(root), signature, key)) {
                return false;
            }
            if (BATCHES.size() >= MAX_BATCHES) {
                BATCHES.clear();
            }
            BATCHES.put(batch, Boolean.TRUE);
            return true;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean verified(byte[] content, byte[] signature, PublicKey key) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, PUBLIC.computeIfAbsent(key, EventSignatures::publicParameters));
        s.update(content, 0, content.length);
        return s.verifySignature(signature);
    }

    /** A batch root whose signature by a key was checked; bounded (cleared when full, a root is then checked again). */
    private record BatchKey(PublicKey key, String root, String signature) {}

    private static final int MAX_BATCHES = 4096;
    private static final Map<BatchKey, Boolean> BATCHES = new ConcurrentHashMap<>();

    // The keys as BouncyCastle holds them (the raw 32 bytes), parsed once per key: the app signs with one key and
    // checks with a handful.
    private static final Map<PrivateKey, Ed25519PrivateKeyParameters> PRIVATE = new ConcurrentHashMap<>();
    private static final Map<PublicKey, Ed25519PublicKeyParameters> PUBLIC = new ConcurrentHashMap<>();

    private static Ed25519PrivateKeyParameters privateParameters(PrivateKey key) {
        try {
            if (PrivateKeyFactory.createKey(key.getEncoded()) instanceof Ed25519PrivateKeyParameters p) {
                return p;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
        throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
    }

    private static Ed25519PublicKeyParameters publicParameters(PublicKey key) {
        try {
            if (PublicKeyFactory.createKey(key.getEncoded()) instanceof Ed25519PublicKeyParameters p) {
                return p;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
        throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }

    public static PrivateKey readPrivate(Path pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " is not an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    public static PublicKey readPublic(Path pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " is not an Ed25519 public key (X.509 PEM)", e);
        }
    }

    private static byte[] der(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        }
    }

    /** Writes a key pair for each signer into {@code dir}; existing pairs are kept. */
    public static void generate(Path dir, String... signers) {
        try {
            Files.createDirectories(dir);
            for (String signer : signers) {
                Path key = dir.resolve(signer + ".key.pem");
                if (Files.exists(key)) {
                    continue;
                }
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                write(dir.resolve(signer + ".pub.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
                write(key, "PRIVATE KEY", pair.getPrivate().getEncoded());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String kind, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + kind + "-----\n" + body + "\n-----END " + kind + "-----\n",
                StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                    kind.startsWith("PRIVATE") ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    /** {@code java -cp … org.yrd.voucher.events.EventSignatures DIR hub SH JS ZJ AH}: makes the missing key pairs. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: EventSignatures DIR SIGNER…   (SIGNER: hub, SH, JS, ZJ, AH)");
            System.exit(2);
        }
        generate(Path.of(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}
