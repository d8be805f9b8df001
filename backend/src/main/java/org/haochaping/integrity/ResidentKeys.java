package org.haochaping.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A resident's key for counting distinct residents and remembering their first rating: a one-way hash of
 * their subject, so the signals' own collections hold no subject in clear.
 */
final class ResidentKeys {

    private ResidentKeys() {
    }

    static String of(String resident) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("integrity:" + resident).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
