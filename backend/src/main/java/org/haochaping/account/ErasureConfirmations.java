package org.haochaping.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The confirmations of erasures, one short-lived document per resident in {@code erasure_confirmations}:
 * the code only as a hash, its expiry, the wrong tries, and the erasure's progress
 * ({@code PENDING} → {@code ERASING} → {@code DONE}). While erasing, a random secret gives each
 * campaign's pseudonym, the same on a retry; it is dropped when the erasure is done, and with it
 * any way back from a pseudonym. A done erasure's receipt is kept until the code expires, so a
 * retry gets it again; then the document goes (a TTL index, and a scheduled sweep for stores without one).
 */
@Component
class ErasureConfirmations {

    static final String COLLECTION = "erasure_confirmations";
    /** Wrong codes before the code is voided. */
    static final int MAX_ATTEMPTS = 5;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String PENDING = "PENDING";
    private static final String ERASING = "ERASING";
    private static final String DONE = "DONE";

    /** A code to hand to the resident. */
    record Issued(String code, Instant expiresAt) {
    }

    /** How an erasure stands once its code is accepted: to be done with {@code secret}, or done with this receipt. */
    record Accepted(String id, @Nullable String secret, AccountErasure.@Nullable Receipt receipt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ErasureConfirmations(MongoTemplate mongo, Clock clock,
            @Value("${haochaping.account.erasure-confirmation-lifetime:10m}") Duration lifetime) {
        this.mongo = mongo;
        this.clock = clock;
        this.lifetime = lifetime;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO)
                .named("expires"));
    }

    /**
     * A new code for the resident, replacing any earlier one. An erasure that was interrupted keeps
     * its secret (its retry must give the same pseudonyms); anything else starts afresh.
     */
    Issued issue(String subject) {
        String id = idOf(subject);
        String code = newCode();
        Instant expiresAt = clock.instant().plus(lifetime);
        Document existing = mongo.findById(id, Document.class, COLLECTION);
        Update update = new Update().set("codeHash", hash(id, code)).set("expiresAt", Date.from(expiresAt)).set("attempts", 0);
        if (existing == null || !ERASING.equals(existing.getString("state"))) {
            update.set("state", PENDING).set("secret", newSecret()).unset("receiptId").unset("erasedAt").unset("counts");
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
        return new Issued(code, expiresAt);
    }

    /** Checks the code; refuses with a problem (and counts a wrong try), or says how the erasure stands. */
    Accepted accept(String subject, @Nullable String code) {
        if (code == null || code.isBlank()) {
            throw ErasureConfirmationException.required();
        }
        String id = idOf(subject);
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        if (stored == null || stored.getString("codeHash") == null) {
            throw ErasureConfirmationException.required();
        }
        if (!clock.instant().isBefore(stored.getDate("expiresAt").toInstant())) {
            throw ErasureConfirmationException.expired();
        }
        if (!MessageDigest.isEqual(hash(id, code).getBytes(StandardCharsets.US_ASCII),
                stored.getString("codeHash").getBytes(StandardCharsets.US_ASCII))) {
            wrongTry(id);
            throw ErasureConfirmationException.invalid(MAX_ATTEMPTS);
        }
        return switch (stored.getString("state")) {
            case DONE -> new Accepted(id, null, receiptOf(stored));
            case PENDING -> {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(PENDING)),
                        new Update().set("state", ERASING), COLLECTION);
                yield new Accepted(id, stored.getString("secret"), null);
            }
            default -> new Accepted(id, stored.getString("secret"), null);
        };
    }

    /** Adds what a step erased to the receipt's counts (a retried step adds what it found left). */
    void count(String id, String what, long erased) {
        if (erased > 0) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("counts." + what, erased), COLLECTION);
        }
    }

    /**
     * Marks the erasure done and drops its secret; returns the receipt, and whether this call did it
     * (the one that audits it) or an earlier or concurrent one.
     */
    Finished finish(String id) {
        Instant now = clock.instant();
        Document done = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").is(ERASING)),
                new Update().set("state", DONE).set("receiptId", java.util.UUID.randomUUID().toString())
                        .set("erasedAt", Date.from(now)).set("expiresAt", Date.from(now.plus(lifetime))).unset("secret"),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (done != null) {
            return new Finished(receiptOf(done), true);
        }
        Document earlier = mongo.findById(id, Document.class, COLLECTION);
        if (earlier == null || !DONE.equals(earlier.getString("state"))) {
            throw new IllegalStateException("An erasure was finished without being started");
        }
        return new Finished(receiptOf(earlier), false);
    }

    record Finished(AccountErasure.Receipt receipt, boolean byThisCall) {
    }

    /** Forgets expired confirmations (an interrupted erasure stays until a retry finishes it). */
    @Scheduled(fixedDelayString = "${haochaping.account.erasure-confirmation-sweep:5m}")
    void forgetExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant())).and("state").ne(ERASING)), COLLECTION);
    }

    private void wrongTry(String id) {
        Document after = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (after != null && after.get("attempts", Number.class).intValue() >= MAX_ATTEMPTS) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("codeHash"), COLLECTION);
        }
    }

    private static AccountErasure.Receipt receiptOf(Document done) {
        Document counts = done.get("counts", Document.class);
        return new AccountErasure.Receipt(done.getString("receiptId"), done.getDate("erasedAt").toInstant(),
                count(counts, "ratings"), count(counts, "cases"), count(counts, "photos"), count(counts, "notifications"));
    }

    private static long count(@Nullable Document counts, String what) {
        return counts == null || counts.get(what) == null ? 0 : counts.get(what, Number.class).longValue();
    }

    /** The document of a resident: no subject in clear in ids, logs or indexes (and the document is short-lived). */
    static String idOf(String subject) {
        return sha256Hex("erasure:" + subject);
    }

    private static String hash(String id, String code) {
        return sha256Hex(id + ":" + normalised(code));
    }

    /** What the resident typed, without the dash and case that only help reading it. */
    static String normalised(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
