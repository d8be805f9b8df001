package org.haochaping.identity.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a name typed into a sign-in form appears in the audit log. A known account by its name; an
 * unknown one only as a short keyed hash: people type passwords into the username box, and those
 * must never reach the log. The key is random per process, so repeats can be told apart within a
 * run but a hash cannot be reversed by guessing, and 32 bits identify nothing outside the log.
 */
public final class SignInNames {

    private final Predicate<String> knownAccount;
    private final SecretKeySpec key;

    public SignInNames(Predicate<String> knownAccount) {
        this.knownAccount = knownAccount;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String forAudit(String typed) {
        return knownAccount.test(typed) ? typed : "unknown:" + truncatedHash(typed);
    }

    private String truncatedHash(String typed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(typed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
