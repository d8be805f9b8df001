package org.haochaping.badreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.media.TestImages;
import org.haochaping.rating.Channel;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.rating.RatingRequest;
import org.haochaping.rating.RatingSubmission;
import org.jspecify.annotations.Nullable;

/**
 * Cases for tests, made through the same services as the API's: a resident's 差评 of a compound in
 * 古韩镇 (property-management routes it to the town), moved to the state a test needs by a town
 * handler, and tokens for whoever acts.
 */
public final class CaseFixtures {

    /** 古韩镇, where pm-001 … pm-014 are. */
    public static final String TOWN = "140423100";
    public static final String LEAD = "housing-construction";
    public static final List<String> TOWN_SUBJECTS = java.util.stream.IntStream.rangeClosed(1, 14)
            .mapToObj(i -> "pm-%03d".formatted(i)).toList();

    private final RatingSubmission submission;
    private final BadReviewHandling handling;
    private final PhotoLibrary photos;

    public CaseFixtures(RatingSubmission submission, BadReviewHandling handling, PhotoLibrary photos) {
        this.submission = submission;
        this.handling = handling;
        this.photos = photos;
    }

    public static Actor resident(String subject) {
        return new Actor(subject, subject, Set.of(Role.RESIDENT), null, null);
    }

    /** A HANDLER of the town's unit. */
    public static Actor townHandler(String subject) {
        return new Actor(subject, subject, Set.of(Role.HANDLER), "guhan-town", TOWN);
    }

    public static Actor leadManager(String subject) {
        return new Actor(subject, subject, Set.of(Role.MANAGER), LEAD, null);
    }

    public static Actor supervisor(String subject) {
        return new Actor(subject, subject, Set.of(Role.SUPERVISOR), null, null);
    }

    public static Actor official(String subject, Set<Role> roles, @Nullable String department, @Nullable String region) {
        return new Actor(subject, subject, roles, department, region);
    }

    /** A token for the actor, as the identity provider would issue it. */
    public static String token(Tokens tokens, Actor actor) {
        return tokens.token(claims -> {
            claims.subject(actor.subject()).claim("roles", actor.roles().stream().map(Role::name).toList())
                    .claim("name", actor.displayName());
            if (actor.department() != null) {
                claims.claim("department", actor.department());
            }
            if (actor.region() != null) {
                claims.claim("region", actor.region());
            }
        });
    }

    /** A 差评 (level 2, 很脏) of a compound in the town by a resident; returns its id, which is its case's. */
    public String badReview(Actor resident, String subjectId, List<String> photoIds) {
        RatingRequest request = new RatingRequest("property-management", subjectId, RatingFixtures.regionOf(subjectId), 2,
                Map.of(), List.of("dirty"), "楼道灯坏了一个月", photoIds, Channel.APP, null, null);
        return submission.submit(resident, request, "fixture-" + UUID.randomUUID(), null, null, null).rating().id();
    }

    /** A 差评 by a new resident (so eligibility never refuses it). */
    public String badReview() {
        return badReview(resident("fixture-resident-" + UUID.randomUUID()), "pm-001", List.of());
    }

    public BadReviewCase get(String caseId) {
        return handling.get(supervisor("fixture-reader"), caseId);
    }

    public BadReviewCase contacted(String caseId, Actor handler) {
        return handling.recordContact(handler, caseId, get(caseId).getVersion(),
                new Contact(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ContactMethod.PHONE, Finding.CONFIRMED, "电话核实属实"));
    }

    public BadReviewCase disposed(String caseId, Actor handler, DispositionKind kind) {
        BadReviewCase c = get(caseId);
        if (c.getStatus() == CaseStatus.AWAITING_CONTACT) {
            c = contacted(caseId, handler);
        }
        DispositionRequest request = switch (kind) {
            case IMMEDIATE -> new DispositionRequest(kind, null, null, null);
            case SCHEDULED -> new DispositionRequest(kind, "三日内更换楼道灯", null, LocalDate.now().plusDays(3));
            case EXPLANATION -> new DispositionRequest(kind, null, "楼道灯属于开发商质保范围，已督促其更换", null);
        };
        return handling.dispose(handler, caseId, c.getVersion(), request);
    }

    public BadReviewCase rectified(String caseId, Actor handler, List<String> photoIds) {
        BadReviewCase c = get(caseId);
        if (c.getStatus() != CaseStatus.RECTIFYING) {
            c = disposed(caseId, handler, DispositionKind.IMMEDIATE);
        }
        return handling.completeRectification(handler, caseId, c.getVersion(), "已更换楼道灯", photoIds);
    }

    public BadReviewCase appealed(String caseId, Actor handler) {
        return handling.fileAppeal(handler, caseId, get(caseId).getVersion(), AppealReason.MISTAKEN, "评价对象与事实不符",
                List.of());
    }

    public BadReviewCase reassigned(String caseId, Unit to) {
        return handling.reassign(supervisor("fixture-supervisor"), caseId, get(caseId).getVersion(), to, "测试转办");
    }

    /** A photo uploaded by the actor (a resident's for a rating, an official's for evidence). */
    public String photo(Actor uploader) {
        return photos.store(uploader, new java.io.ByteArrayInputStream(TestImages.png(8, 8))).id();
    }

    public List<String> photos(Actor uploader, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(photo(uploader));
        }
        return ids;
    }
}
