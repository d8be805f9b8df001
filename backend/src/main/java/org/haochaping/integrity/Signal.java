package org.haochaping.integrity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A manipulation signal and the officials' review of it. Each review step is a method that checks the
 * current status; the version makes two officials acting at once conflict instead of overwriting.
 * Holds numbers and rating ids, never a resident's identity, nor a whole device or network hash.
 *
 * @param scope what it is about: a subject id, a town code, a short hash prefix, a unit code (by {@link #getKind()})
 */
@Document("integrity_signals")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "newest", def = "{'detectedAt': -1}")
public class Signal {

    @Id
    private final String id;
    private final SignalKind kind;
    private final String scope;
    private final @Nullable String campaignCode;
    private final Instant detectedAt;
    private final Evidence evidence;
    private SignalStatus status;
    private @Nullable String reviewedBy;
    private @Nullable Instant reviewedAt;
    private @Nullable String proposedBy;
    private @Nullable Instant proposedAt;
    private @Nullable String confirmedBy;
    private @Nullable Instant confirmedAt;
    private int excludedRatings;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Signal(String id, SignalKind kind, String scope, @Nullable String campaignCode, Instant detectedAt, Evidence evidence,
            SignalStatus status, @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String proposedBy,
            @Nullable Instant proposedAt, @Nullable String confirmedBy, @Nullable Instant confirmedAt, int excludedRatings,
            @Nullable Long version) {
        this.id = id;
        this.kind = kind;
        this.scope = scope;
        this.campaignCode = campaignCode;
        this.detectedAt = detectedAt;
        this.evidence = evidence;
        this.status = status;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
        this.excludedRatings = excludedRatings;
        this.version = version;
    }

    /** A new signal; its id names kind, scope and window, so a second run finding the same stores nothing new. */
    static Signal of(Finding finding, Instant now) {
        String id = finding.kind() + ":" + finding.scope() + ":" + finding.evidence().windowStart().getEpochSecond();
        return new Signal(id, finding.kind(), finding.scope(), finding.campaignCode(), now, finding.evidence(),
                SignalStatus.OPEN, null, null, null, null, null, null, 0, null);
    }

    /** Whether this signal already covers what {@code finding} found (same kind and scope, overlapping windows). */
    boolean covers(Finding finding) {
        return kind == finding.kind() && scope.equals(finding.scope())
                && evidence.windowStart().isBefore(finding.evidence().windowEnd())
                && finding.evidence().windowStart().isBefore(evidence.windowEnd());
    }

    /** 标记可疑. */
    void markSuspicious(String actor, Instant now) {
        require(Set.of(SignalStatus.OPEN), "MARK_SUSPICIOUS");
        review(SignalStatus.SUSPICIOUS, actor, now);
    }

    /** 排除 (clear): innocent after all. */
    void dismiss(String actor, Instant now) {
        require(Set.of(SignalStatus.OPEN, SignalStatus.SUSPICIOUS), "DISMISS");
        review(SignalStatus.DISMISSED, actor, now);
    }

    void proposeExclusion(String actor, Instant now) {
        require(Set.of(SignalStatus.OPEN, SignalStatus.SUSPICIOUS), "PROPOSE_EXCLUSION");
        this.status = SignalStatus.EXCLUSION_PROPOSED;
        this.proposedBy = actor;
        this.proposedAt = now;
    }

    /** Whether {@code actor} may confirm: someone other than the proposer (四眼原则, two SUPERVISORs). */
    boolean isProposedBy(String actor) {
        return actor.equals(proposedBy);
    }

    void confirmExclusion(String actor, Instant now, int excluded) {
        require(Set.of(SignalStatus.EXCLUSION_PROPOSED), "CONFIRM_EXCLUSION");
        this.status = SignalStatus.EXCLUDED;
        this.confirmedBy = actor;
        this.confirmedAt = now;
        this.excludedRatings = excluded;
    }

    private void review(SignalStatus to, String actor, Instant now) {
        this.status = to;
        this.reviewedBy = actor;
        this.reviewedAt = now;
    }

    private void require(Set<SignalStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw SignalTransitionException.illegal(action, status);
        }
    }

    public String getId() { return id; }
    public SignalKind getKind() { return kind; }
    public String getScope() { return scope; }
    public @Nullable String getCampaignCode() { return campaignCode; }
    public Instant getDetectedAt() { return detectedAt; }
    public Evidence getEvidence() { return evidence; }
    public SignalStatus getStatus() { return status; }
    public @Nullable String getReviewedBy() { return reviewedBy; }
    public @Nullable Instant getReviewedAt() { return reviewedAt; }
    public @Nullable String getProposedBy() { return proposedBy; }
    public @Nullable Instant getProposedAt() { return proposedAt; }
    public @Nullable String getConfirmedBy() { return confirmedBy; }
    public @Nullable Instant getConfirmedAt() { return confirmedAt; }
    public int getExcludedRatings() { return excludedRatings; }
}
