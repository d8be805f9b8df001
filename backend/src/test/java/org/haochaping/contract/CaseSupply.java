package org.haochaping.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.Unit;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.media.PhotoLibrary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Cases ready for each step of the officials' API, for the generated input: a valid request must
 * succeed, and a mutated one may succeed too and move its case on, so each request asks for a case
 * in the state its step needs and gets the last one if it still is, or a new one. The cases are
 * 差评 of a compound in 古韩镇, which the generated HANDLER handles.
 */
final class CaseSupply {

    /** The generated tokens' HANDLER and MANAGER belong to the property-management lead department. */
    static final String DEPARTMENT = "housing-construction";
    /** The generated HANDLER, also of the town (古韩镇) that handles its compounds' 差评. */
    static final Actor HANDLER = CaseFixtures.official("gen-handler", Set.of(Role.HANDLER), DEPARTMENT, CaseFixtures.TOWN);
    private static final Unit TOWN = Unit.town(CaseFixtures.TOWN);

    private final CaseFixtures cases;
    private final MongoTemplate mongo;
    private final Tokens tokens;
    private final Actor handler = HANDLER;
    private final Map<String, String> current = new HashMap<>();
    private final Map<String, String> raterOf = new HashMap<>();
    private String rectificationPhoto;
    private String raterToken;

    CaseSupply(CaseFixtures cases, MongoTemplate mongo, Tokens tokens) {
        this.cases = cases;
        this.mongo = mongo;
        this.tokens = tokens;
    }

    /** A case in {@code step}'s state, with its current version. */
    BadReviewCase readyFor(String step) {
        return switch (step) {
            case "contact" -> ready(step, c -> handled(c) && c.getStatus() == CaseStatus.AWAITING_CONTACT, this::handedOver);
            case "disposition" -> ready(step, c -> handled(c) && c.getStatus() == CaseStatus.AWAITING_DISPOSITION,
                    () -> cases.contacted(handedOver(), handler).getId());
            case "rectification" -> ready(step, c -> handled(c) && c.getStatus() == CaseStatus.RECTIFYING,
                    () -> cases.disposed(handedOver(), handler, DispositionKind.IMMEDIATE).getId());
            case "appeal" -> ready(step, c -> handled(c) && c.getStatus().isOpen() && c.getAppeal() == null, this::handedOver);
            case "decision" -> ready(step, c -> c.getStatus().isOpen() && c.getAppeal() != null && c.getAppeal().isPending(),
                    () -> cases.appealed(handedOver(), handler).getId());
            case "reassignment", "read" -> ready(step, c -> c.getStatus().isOpen(), this::handedOver);
            case "rerating" -> ready(step, c -> c.getStatus() == CaseStatus.AWAITING_RERATING, () -> {
                String id = handedOver();
                cases.disposed(id, handler, DispositionKind.EXPLANATION);
                return id;
            });
            default -> throw new IllegalArgumentException(step);
        };
    }

    /** Where the reassignment of a case goes: away from the town, or back to it. */
    Map<String, Object> reassignmentTarget(BadReviewCase c) {
        return handled(c) ? Map.of("kind", "DEPARTMENT", "code", "urban-management")
                : Map.of("kind", "TOWN", "code", CaseFixtures.TOWN);
    }

    /** A photo of the handler's no other case has claimed (a new upload once the last one was used). */
    String rectificationPhoto(BadReviewCase c) {
        if (rectificationPhoto != null) {
            Document file = mongo.findById(new ObjectId(rectificationPhoto), Document.class, "fs.files");
            String key = file == null ? null : file.get("metadata", Document.class).getString("claimKey");
            if (file == null || key != null && !key.equals(PhotoLibrary.evidenceKey(c.getId(), PhotoLibrary.Evidence.RECTIFICATION))) {
                rectificationPhoto = null;
            }
        }
        if (rectificationPhoto == null) {
            rectificationPhoto = cases.photo(handler);
        }
        return rectificationPhoto;
    }

    /** The version of a campaign's routing rule as stored (0 while the default applies). */
    long routingVersion(String campaignCode) {
        Document rule = mongo.findById(campaignCode, Document.class, "bad_review_routing");
        return rule == null || rule.get("version") == null ? 0 : rule.get("version", Number.class).longValue();
    }

    /** The token of the resident of the case last supplied for re-rating. */
    String raterToken() {
        return raterToken;
    }

    private BadReviewCase ready(String step, Predicate<BadReviewCase> isReady, Supplier<String> make) {
        String id = current.get(step);
        BadReviewCase c = id == null ? null : cases.get(id);
        if (c == null || !isReady.test(c)) {
            c = cases.get(make.get());
            current.put(step, c.getId());
        }
        if (step.equals("rerating")) {
            raterToken = raterOf.get(c.getId());
        }
        return c;
    }

    /** A new 差评 by a new resident of a compound in 古韩镇, which its town handles. */
    private String handedOver() {
        Actor resident = CaseFixtures.resident("gen-rater-" + UUID.randomUUID());
        String id = cases.badReview(resident, "pm-001", List.of());
        raterOf.put(id, tokens.resident(resident.subject()));
        return id;
    }

    private static boolean handled(BadReviewCase c) {
        return c.getUnit().equals(TOWN);
    }
}
