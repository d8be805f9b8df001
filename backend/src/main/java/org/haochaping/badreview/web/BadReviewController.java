package org.haochaping.badreview.web;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.haochaping.api.BadReviewsApi;
import org.haochaping.api.model.BadReviewCaseDto;
import org.haochaping.api.model.BadReviewCasePageDto;
import org.haochaping.api.model.CaseAppealDecisionDto;
import org.haochaping.api.model.CaseAppealSubmissionDto;
import org.haochaping.api.model.CaseContactSubmissionDto;
import org.haochaping.api.model.CaseDispositionSubmissionDto;
import org.haochaping.api.model.CaseReassignmentSubmissionDto;
import org.haochaping.api.model.CaseRectificationSubmissionDto;
import org.haochaping.api.model.CaseRoutingDto;
import org.haochaping.api.model.CaseRoutingSubmissionDto;
import org.haochaping.api.model.CaseStatusDto;
import org.haochaping.badreview.AppealReason;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseQueue;
import org.haochaping.badreview.CaseRouting;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.DispositionRequest;
import org.haochaping.badreview.Finding;
import org.haochaping.badreview.RoutingRule;
import org.haochaping.badreview.Unit;
import org.haochaping.badreview.UnitNames;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officials' API of the bad-review loop (see api-spec, tag {@code bad-reviews}): the queue, a
 * case, each step with the version the caller saw, and the campaigns' routing. Role, scope, state
 * and version are the services' to check; this class only translates.
 */
@RestController
class BadReviewController implements BadReviewsApi {

    /** The longest span of months the figures are read over (the figure book holds one document per month). */
    static final int MAX_FIGURE_MONTHS = 36;

    private final CaseQueue queue;
    private final BadReviewHandling handling;
    private final CaseRouting routing;
    private final UnitNames names;
    private final CurrentActor currentActor;
    private final BadReviewMapper mapper;
    private final org.haochaping.badreview.HandlingFigures figures;

    BadReviewController(CaseQueue queue, BadReviewHandling handling, CaseRouting routing, UnitNames names,
            CurrentActor currentActor, BadReviewMapper mapper, org.haochaping.badreview.HandlingFigures figures) {
        this.figures = figures;
        this.queue = queue;
        this.handling = handling;
        this.routing = routing;
        this.names = names;
        this.currentActor = currentActor;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<org.haochaping.api.model.HandlingFiguresDto> getBadReviewFigures(String campaign, String from, String to, String acceptLanguage) {
        java.time.YearMonth first = java.time.YearMonth.parse(from);
        java.time.YearMonth last = java.time.YearMonth.parse(to);
        if (first.isAfter(last) || first.until(last, java.time.temporal.ChronoUnit.MONTHS) >= MAX_FIGURE_MONTHS) {
            throw new org.haochaping.badreview.CaseInputException("FIGURES_PERIOD_INVALID", MAX_FIGURE_MONTHS);
        }
        var counts = figures.ofCampaign(currentActor.get(), campaign, first, last);
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
                .body(mapper.toFigures(campaign, from, to, counts));
    }

    @Override
    public ResponseEntity<BadReviewCasePageDto> listBadReviews(String acceptLanguage, @Nullable CaseStatusDto status, @Nullable String campaign, @Nullable String town, @Nullable Boolean dueSoon, @Nullable Boolean overdue, @Nullable Boolean appealPending, @Nullable String cursor, Integer limit) {
        Actor actor = currentActor.get();
        CaseQueue.Page page = queue.page(actor, new CaseQueue.Filter(status == null ? null : CaseStatus.valueOf(status.name()),
                campaign, town, Boolean.TRUE.equals(dueSoon), Boolean.TRUE.equals(overdue),
                Boolean.TRUE.equals(appealPending)), cursor, limit);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new BadReviewCasePageDto(mapper.toSummaries(page.entries(), view(actor)), page.total())
                        .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> getBadReview(String id, String acceptLanguage) {
        Actor actor = currentActor.get();
        return respond(actor, handling.get(actor, id));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> recordCaseContact(String id, CaseContactSubmissionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        Contact contact = new Contact(body.getAt().toInstant(), ContactMethod.valueOf(body.getMethod().name()),
                Finding.valueOf(body.getFinding().name()), Objects.requireNonNullElse(body.getNote(), ""));
        return respond(actor, handling.recordContact(actor, id, body.getVersion(), contact));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> disposeCase(String id, CaseDispositionSubmissionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        DispositionRequest disposition = new DispositionRequest(DispositionKind.valueOf(body.getKind().name()),
                body.getPlan(), body.getExplanation(), body.getDueDate());
        return respond(actor, handling.dispose(actor, id, body.getVersion(), disposition));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> completeCaseRectification(String id, CaseRectificationSubmissionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        return respond(actor, handling.completeRectification(actor, id, body.getVersion(), body.getEvidence(),
                photos(body.getPhotoIds())));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> reassignCase(String id, CaseReassignmentSubmissionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        Unit to = new Unit(Unit.Kind.valueOf(body.getUnit().getKind().name()), body.getUnit().getCode());
        return respond(actor, handling.reassign(actor, id, body.getVersion(), to, body.getReason()));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> fileCaseAppeal(String id, CaseAppealSubmissionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        return respond(actor, handling.fileAppeal(actor, id, body.getVersion(), AppealReason.valueOf(body.getReason().name()),
                body.getEvidence(), photos(body.getPhotoIds())));
    }

    @Override
    public ResponseEntity<BadReviewCaseDto> decideCaseAppeal(String id, CaseAppealDecisionDto body, String acceptLanguage) {
        Actor actor = currentActor.get();
        return respond(actor, handling.decideAppeal(actor, id, body.getVersion(), body.getApprove(), body.getNote()));
    }

    @Override
    public ResponseEntity<CaseRoutingDto> getCaseRouting(String code, String acceptLanguage) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(mapper.toRouting(routing.read(currentActor.get(), code)));
    }

    @Override
    public ResponseEntity<CaseRoutingDto> configureCaseRouting(String code, CaseRoutingSubmissionDto body, String acceptLanguage) {
        RoutingRule configured = routing.configure(currentActor.get(), code, RoutingRule.Route.valueOf(body.getRoute().name()),
                body.getDepartment(), body.getContactDays(), body.getImmediateDays(), body.getScheduledDays(),
                body.getVersion());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(mapper.toRouting(configured));
    }

    private ResponseEntity<BadReviewCaseDto> respond(Actor actor, BadReviewCase c) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(mapper.toDto(c, handling.ratingOf(c), view(actor)));
    }

    private CaseView view(Actor actor) {
        return new CaseView(actor, handling, names);
    }

    /** An absent list is none (the contract lets clients send null for it). */
    private static List<String> photos(@Nullable Set<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }
}
