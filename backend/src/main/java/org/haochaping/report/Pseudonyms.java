package org.haochaping.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Residents' names in one export: a pseudonym per resident, the same on every row of the export and
 * unrelated to any other export's, from a key drawn at random for the export and never stored. A keyed
 * hash rather than a table of drawn names, so a million residents cost no memory.
 */
final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base32: no I, L, O, U to misread. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** 12 characters of 5 bits: 60 bits, so a million residents collide with a chance of about one in two million. */
    private static final int LENGTH = 12;

    private final Mac mac;

    Pseudonyms() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** "居民-7KQ2M9X4HC1B". Not thread-safe: one instance per export. */
    String of(String resident) {
        byte[] hash = mac.doFinal(resident.getBytes(StandardCharsets.UTF_8));
        StringBuilder name = new StringBuilder("居民-");
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (hash[i] & 0xff);
        }
        for (int i = 0; i < LENGTH; i++) {
            name.append(ALPHABET[(int) (bits >>> (64 - 5 * (i + 1)) & 31)]);
        }
        return name.toString();
    }
}
