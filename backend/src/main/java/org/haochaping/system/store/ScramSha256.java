package org.haochaping.system.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The server's side of SCRAM-SHA-256 (RFC 5802, RFC 7677), as MongoDB speaks it: the client proves
 * it knows the password without sending it, and the server proves it knows the password's key. The
 * server keeps only the derived keys of its one user.
 */
final class ScramSha256 {

    /** MongoDB's default; the Java driver refuses fewer than 4096. */
    static final int ITERATIONS = 15_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramSha256() {
    }

    /** What the server keeps of a user: enough to verify a proof, not enough to make one. */
    record Verifier(String username, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

        static Verifier of(String username, String password) {
            byte[] salt = random(16);
            byte[] salted = pbkdf2(password, salt, ITERATIONS);
            byte[] clientKey = hmac(salted, "Client Key");
            return new Verifier(username, salt, ITERATIONS, sha256(clientKey), hmac(salted, "Server Key"));
        }
    }

    /** A client's attempt was refused (wrong user, wrong password, malformed message). */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** One client's attempt: client-first, then client-final. Not thread-safe (one connection). */
    static final class Conversation {

        private final Verifier verifier;
        private @Nullable String clientFirstBare;
        private @Nullable String serverFirst;
        private @Nullable String gs2Header;
        private @Nullable String nonce;
        private boolean userKnown;
        private boolean done;

        Conversation(Verifier verifier) {
            this.verifier = verifier;
        }

        /** Answers the client-first message ({@code n,,n=user,r=nonce}) with the salt, the iterations and the joint nonce. */
        byte[] start(byte[] clientFirst) {
            String message = new String(clientFirst, StandardCharsets.UTF_8);
            if (!(message.startsWith("n,") || message.startsWith("y,"))) {
                throw new Refused("unsupported GS2 header (channel binding is not offered)");
            }
            int bare = message.indexOf(',', 2) + 1;
            if (bare == 0) {
                throw new Refused("malformed client-first message");
            }
            gs2Header = message.substring(0, bare);
            clientFirstBare = message.substring(bare);
            String[] attributes = clientFirstBare.split(",");
            if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
                    || attributes[1].length() < 3) {
                throw new Refused("malformed client-first message");
            }
            String username = attributes[0].substring(2).replace("=2C", ",").replace("=3D", "=");
            userKnown = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                    verifier.username().getBytes(StandardCharsets.UTF_8));
            nonce = attributes[1].substring(2) + Base64.getEncoder().encodeToString(random(24));
            // An unknown user gets the same kind of answer (with a salt of no use), so names cannot be probed.
            byte[] salt = userKnown ? verifier.salt() : random(16);
            serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + verifier.iterations();
            return serverFirst.getBytes(StandardCharsets.UTF_8);
        }

        /** Checks the client's proof; answers with the server's signature, or refuses. */
        byte[] finish(byte[] clientFinal) {
            if (serverFirst == null || done) {
                throw new Refused("unexpected message");
            }
            done = true;
            String message = new String(clientFinal, StandardCharsets.UTF_8);
            int proofAt = message.lastIndexOf(",p=");
            if (proofAt < 0) {
                throw new Refused("malformed client-final message");
            }
            String withoutProof = message.substring(0, proofAt);
            String expectedStart = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8))
                    + ",r=" + nonce;
            if (!withoutProof.equals(expectedStart) && !withoutProof.startsWith(expectedStart + ",")) {
                throw new Refused("channel binding or nonce does not match");
            }
            byte[] proof;
            try {
                proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
            } catch (IllegalArgumentException notBase64) {
                throw new Refused("malformed proof");
            }
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] clientSignature = hmac(verifier.storedKey(), authMessage);
            if (proof.length != clientSignature.length) {
                throw new Refused("authentication failed");
            }
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
            }
            if (!(MessageDigest.isEqual(sha256(clientKey), verifier.storedKey()) & userKnown)) {
                throw new Refused("authentication failed");
            }
            return ("v=" + Base64.getEncoder().encodeToString(hmac(verifier.serverKey(), authMessage)))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
