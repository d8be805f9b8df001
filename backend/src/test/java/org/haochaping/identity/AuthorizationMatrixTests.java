package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.AppealReason;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.OfficialAlerts;
import org.haochaping.badreview.Unit;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.badreview.CaseQueue;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStatus;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.media.TestImages;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.satisfaction.RollupMaintenance;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what to whose data: every endpoint and console action, with real bodies and real ids
 * that the caller does or does not own, or that are or are not in their scope. Rows are seen from
 * RESIDENT, who owns the rating and the photos; OTHER_RESIDENT is another resident; HANDLER and
 * MANAGER belong to the property-management lead department, OTHER_MANAGER to another one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    static final String LEAD = "housing-construction";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final JsonMapper JSON = JsonMapper.builder().build();

    enum Caller {
        ANONYMOUS(null, null), RESIDENT(Role.RESIDENT, null), OTHER_RESIDENT(Role.RESIDENT, null),
        HANDLER(Role.HANDLER, LEAD), MANAGER(Role.MANAGER, LEAD), OTHER_MANAGER(Role.MANAGER, "approval-services"),
        SUPERVISOR(Role.SUPERVISOR, null), AUDITOR(Role.AUDITOR, null);

        final @Nullable Role role;
        final @Nullable String department;

        Caller(@Nullable Role role, @Nullable String department) {
            this.role = role;
            this.department = department;
        }

        String subject() {
            return "matrix-" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + RUN;
        }

        Actor actor() {
            return new Actor(subject(), name(), role == null ? Set.of() : Set.of(role), department, null);
        }
    }

    /** What each caller gets, in the order of {@link Caller}. */
    record Outcomes(int anonymous, int resident, int otherResident, int handler, int manager, int otherManager,
            int supervisor, int auditor) {
        int of(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case RESIDENT -> resident;
                case OTHER_RESIDENT -> otherResident;
                case HANDLER -> handler;
                case MANAGER -> manager;
                case OTHER_MANAGER -> otherManager;
                case SUPERVISOR -> supervisor;
                case AUDITOR -> auditor;
            };
        }
    }

    enum Body { NONE, RATING, FOLLOW_UP, PHOTO, CALENDAR_YEAR, CONTACT, DISPOSITION, RECTIFICATION, REASSIGNMENT, APPEAL,
        DECISION, ROUTING, RERATING, MARK_READ, CAMPAIGN_REPORT, COUNTY_DETAIL_REPORT, HOME_REGION, SERVICE_CASES,
        SERVICE_CASES_CSV }

    /** Where the residents live: their campaign-wide ratings (Body.RATING) are for this region. */
    static final String HOME = "140423108";
    /** one-thing-one-visit is led by the approval-services department: OTHER_MANAGER's, not MANAGER's. */
    static final Outcomes CASE_REGISTRARS = new Outcomes(401, 403, 403, 403, 403, 200, 200, 403);

    /** What a 2xx body must say to this caller, beyond its status. */
    @FunctionalInterface
    interface BodyCheck {
        void check(Caller caller, JsonNode body, Owned owned);

        BodyCheck NONE = (caller, body, owned) -> { };
    }

    /**
     * A request; {@code {rating}}, {@code {claimedPhoto}} and {@code {unclaimedPhoto}} stand for RESIDENT's things,
     * {@code {case:<step>}} for a case of RESIDENT's ready for that step, {@code {evidencePhoto}} and
     * {@code {appealPhoto}} for the photos a handler gave as evidence of a rectification and of an appeal.
     */
    record Row(HttpMethod method, String path, Body body, Outcomes expected, BodyCheck bodyCheck) {
        static Row of(HttpMethod method, String path, Body body, Outcomes expected) {
            return new Row(method, path, body, expected, BodyCheck.NONE);
        }

        Row checking(BodyCheck check) {
            return new Row(method, path, body, expected, check);
        }
    }

    /**
     * RESIDENT's rating (in property-management, whose lead is {@link #LEAD}), a photo it claims, and one unclaimed;
     * RESIDENT's cases, handed to the {@link #LEAD} department (so that HANDLER handles them) and each ready for
     * a step; and the evidence photos of two of them.
     */
    record Owned(String rating, String claimedPhoto, String unclaimedPhoto, Map<String, String> cases, String evidencePhoto,
            String appealPhoto) {
        String resolve(String path) {
            String resolved = path.replace("{rating}", rating).replace("{claimedPhoto}", claimedPhoto)
                    .replace("{unclaimedPhoto}", unclaimedPhoto).replace("{evidencePhoto}", evidencePhoto)
                    .replace("{appealPhoto}", appealPhoto);
            for (Map.Entry<String, String> c : cases.entrySet()) {
                resolved = resolved.replace("{case:" + c.getKey() + "}", c.getValue());
            }
            return resolved;
        }
    }

    static final Outcomes PUBLIC = new Outcomes(200, 200, 200, 200, 200, 200, 200, 200);
    static final Outcomes SIGNED_IN = new Outcomes(401, 200, 200, 200, 200, 200, 200, 200);
    static final Outcomes OWNER_ONLY_READS = new Outcomes(401, 200, 404, 404, 404, 404, 404, 404);
    static final Outcomes RESIDENTS_ONLY = new Outcomes(401, 200, 200, 403, 403, 403, 403, 403);
    static final Outcomes RESIDENTS_CREATE = new Outcomes(401, 201, 201, 403, 403, 403, 403, 403);
    /** Officials in scope read a case (the lead department's, SUPERVISORs, AUDITORs); residents have no officials' view. */
    static final Outcomes CASE_READERS = new Outcomes(401, 403, 403, 200, 200, 403, 200, 200);
    /** The handling unit's HANDLER takes the case's steps; nobody else, however senior, unless it is under 督办. */
    static final Outcomes CASE_HANDLERS = new Outcomes(401, 403, 403, 200, 403, 403, 403, 403);
    static final Outcomes OFFICIALS_READ = new Outcomes(401, 403, 403, 200, 200, 200, 200, 200);
    /** The holiday calendar's year for the matrix's saves: one that no other test counts deadlines in. */
    static final int MATRIX_CALENDAR_YEAR = 2098;

    static final List<Row> ROWS = List.of(
            Row.of(HttpMethod.GET, "/api/v1/campaigns", Body.NONE, PUBLIC),
            Row.of(HttpMethod.GET, "/api/v1/campaigns/property-management/summary", Body.NONE, PUBLIC),
            Row.of(HttpMethod.GET, "/api/v1/campaigns/no-such-campaign", Body.NONE, new Outcomes(404, 404, 404, 404, 404, 404, 404, 404)),
            Row.of(HttpMethod.POST, "/api/v1/campaigns", Body.NONE, new Outcomes(401, 405, 405, 405, 405, 405, 405, 405)),
            Row.of(HttpMethod.GET, "/api/v1/me", Body.NONE, SIGNED_IN)
                    .checking((caller, me, owned) -> {
                        assertThat(me.get("subject").asString()).isEqualTo(caller.subject());
                        assertThat(me.get("roles").get(0).asString()).isEqualTo(String.valueOf(caller.role));
                    }),
            Row.of(HttpMethod.GET, "/api/v1/me/data", Body.NONE, RESIDENTS_ONLY)
                    .checking((caller, copy, owned) -> assertThat(copy.get("ratings").findValuesAsString("id"))
                            .as("a copy of one's own data and no one else's")
                            .matches(ids -> ids.contains(owned.rating()) == (caller == Caller.RESIDENT))),
            Row.of(HttpMethod.POST, "/api/v1/me/erasure-confirmation", Body.NONE, RESIDENTS_CREATE),
            // Without the code nothing is erased (the matrix keeps RESIDENT's data for the other rows).
            Row.of(HttpMethod.DELETE, "/api/v1/me", Body.NONE, new Outcomes(401, 428, 428, 403, 403, 403, 403, 403)),
            Row.of(HttpMethod.POST, "/api/v1/ratings", Body.RATING, RESIDENTS_CREATE),
            Row.of(HttpMethod.GET, "/api/v1/me/ratings", Body.NONE, SIGNED_IN)
                    .checking((caller, page, owned) -> assertThat(page.get("items").findValuesAsString("id"))
                            .as("one's own ratings and no one else's")
                            .matches(ids -> ids.contains(owned.rating()) == (caller == Caller.RESIDENT))),
            Row.of(HttpMethod.GET, "/api/v1/me/ratings/{rating}", Body.NONE, OWNER_ONLY_READS)
                    .checking((caller, rating, owned) -> assertThat(rating.get("id").asString()).isEqualTo(owned.rating())),
            Row.of(HttpMethod.POST, "/api/v1/ratings/{rating}/follow-ups", Body.FOLLOW_UP,
                    new Outcomes(401, 201, 404, 404, 404, 404, 404, 404)),
            Row.of(HttpMethod.POST, "/api/v1/media", Body.PHOTO, new Outcomes(401, 201, 201, 201, 201, 201, 201, 403)),
            Row.of(HttpMethod.GET, "/api/v1/media/{claimedPhoto}", Body.NONE, new Outcomes(401, 200, 404, 200, 200, 403, 200, 200)),
            Row.of(HttpMethod.GET, "/api/v1/media/{unclaimedPhoto}", Body.NONE, new Outcomes(401, 200, 404, 403, 403, 403, 403, 403)),
            Row.of(HttpMethod.GET, "/api/v1/admin/campaigns/property-management/attainment", Body.NONE,
                    new Outcomes(401, 403, 403, 200, 200, 403, 200, 200)),
            Row.of(HttpMethod.GET, "/api/v1/admin/campaigns/one-thing-one-visit/attainment", Body.NONE,
                    new Outcomes(401, 403, 403, 403, 403, 200, 200, 200)),
            Row.of(HttpMethod.GET, "/api/v1/admin/bad-reviews?limit=100", Body.NONE, OFFICIALS_READ)
                    .checking((caller, page, owned) -> assertThat(page.get("items").findValuesAsString("id"))
                            .as("the queue holds the cases in the caller's scope")
                            .matches(ids -> ids.contains(owned.rating()) == (caller != Caller.OTHER_MANAGER))),
            Row.of(HttpMethod.GET, "/api/v1/admin/bad-reviews/{rating}", Body.NONE, CASE_READERS)
                    .checking((caller, c, owned) -> assertThat(c.get("id").asString()).isEqualTo(owned.rating())),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:contact}/contact", Body.CONTACT, CASE_HANDLERS),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:dispose}/disposition", Body.DISPOSITION, CASE_HANDLERS),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:rectify}/rectification", Body.RECTIFICATION, CASE_HANDLERS),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:reassign}/reassignment", Body.REASSIGNMENT,
                    new Outcomes(401, 403, 403, 403, 200, 403, 200, 403)),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:appeal}/appeal", Body.APPEAL, CASE_HANDLERS),
            Row.of(HttpMethod.POST, "/api/v1/admin/bad-reviews/{case:decide}/appeal/decision", Body.DECISION,
                    new Outcomes(401, 403, 403, 403, 403, 403, 200, 403)),
            Row.of(HttpMethod.GET, "/api/v1/admin/campaigns/property-management/case-routing", Body.NONE, OFFICIALS_READ),
            Row.of(HttpMethod.PUT, "/api/v1/admin/campaigns/property-management/case-routing", Body.ROUTING,
                    new Outcomes(401, 403, 403, 403, 403, 403, 200, 403)),
            Row.of(HttpMethod.POST, "/api/v1/ratings/{case:rerate}/rerating", Body.RERATING,
                    new Outcomes(401, 200, 404, 404, 404, 404, 404, 404)),
            Row.of(HttpMethod.GET, "/api/v1/me/ratings/{case:rerate}", Body.NONE, OWNER_ONLY_READS)
                    .checking((caller, rating, owned) -> assertThat(rating.get("handling").get("outcome").asString())
                            .isEqualTo("SATISFIED")),
            Row.of(HttpMethod.GET, "/api/v1/me/notifications", Body.NONE, SIGNED_IN)
                    .checking((caller, page, owned) -> assertThat(page.get("items").findValuesAsString("ratingId"))
                            .as("one's own notifications and no one else's")
                            .matches(ids -> ids.contains(owned.cases().get("contact")) == (caller == Caller.RESIDENT))),
            Row.of(HttpMethod.POST, "/api/v1/me/notifications/read", Body.MARK_READ, SIGNED_IN),
            Row.of(HttpMethod.GET, "/api/v1/media/{evidencePhoto}", Body.NONE, new Outcomes(401, 200, 404, 200, 200, 403, 200, 200)),
            Row.of(HttpMethod.GET, "/api/v1/media/{appealPhoto}", Body.NONE, new Outcomes(401, 404, 404, 200, 200, 403, 200, 200)),
            Row.of(HttpMethod.GET, "/api/v1/admin/holiday-calendar/2026", Body.NONE, OFFICIALS_READ)
                    .checking((caller, year, owned) -> assertThat(year.get("arranged").asBoolean()).isTrue()),
            Row.of(HttpMethod.PUT, "/api/v1/admin/holiday-calendar/" + MATRIX_CALENDAR_YEAR, Body.CALENDAR_YEAR,
                    new Outcomes(401, 403, 403, 403, 403, 403, 200, 403)),
            Row.of(HttpMethod.GET, "/api/v1/admin/bad-review-figures?campaign=property-management&from=2026-01&to=2026-12",
                    Body.NONE, new Outcomes(401, 403, 403, 200, 200, 403, 200, 200)),
            Row.of(HttpMethod.POST, "/api/v1/admin/reports", Body.CAMPAIGN_REPORT, new Outcomes(401, 403, 403, 202, 202, 403, 202, 202)),
            Row.of(HttpMethod.POST, "/api/v1/admin/reports", Body.COUNTY_DETAIL_REPORT,
                    new Outcomes(401, 403, 403, 403, 403, 403, 202, 202)),
            Row.of(HttpMethod.GET, "/api/v1/admin/reports", Body.NONE, OFFICIALS_READ),
            Row.of(HttpMethod.GET, "/api/v1/app/config", Body.NONE, PUBLIC),
            Row.of(HttpMethod.GET, "/api/v1/me/home-region", Body.NONE, RESIDENTS_ONLY)
                    .checking((caller, home, owned) -> assertThat(home.get("regionCode").asString()).isEqualTo(HOME)),
            Row.of(HttpMethod.PUT, "/api/v1/me/home-region", Body.HOME_REGION, RESIDENTS_ONLY),
            Row.of(HttpMethod.POST, "/api/v1/admin/campaigns/one-thing-one-visit/service-cases", Body.SERVICE_CASES,
                    CASE_REGISTRARS),
            Row.of(HttpMethod.POST, "/api/v1/admin/campaigns/one-thing-one-visit/service-cases/import",
                    Body.SERVICE_CASES_CSV, CASE_REGISTRARS),
            Row.of(HttpMethod.GET, "/api/v1/campaigns/property-management/eligibility?subjectId=pm-005&regionCode="
                    + org.haochaping.rating.RatingFixtures.regionOf("pm-005"), Body.NONE, new Outcomes(401, 200, 200, 403, 403, 403, 403, 403)));

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    CampaignStewardship stewardship;
    @Autowired
    CampaignCatalog catalog;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    RollupMaintenance rollups;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RatingSubmission submission;
    @Autowired
    BadReviewHandling handling;
    @Autowired
    PhotoLibrary photos;
    @Autowired
    OfficialAlerts alerts;
    @Autowired
    HolidayCalendar calendar;
    @Autowired
    CaseQueue caseQueue;
    @Autowired
    BadReviewHandling caseRatings;

    final Map<Caller, String> tokenOf = new EnumMap<>(Caller.class);
    Owned owned;
    @Nullable String handlerPhoto;

    @BeforeAll
    void residentRatesWithAPhotoAndKeepsAnother() throws Exception {
        for (Caller caller : Caller.values()) {
            if (caller.role != null) {
                tokenOf.put(caller, tokens.forRole(caller.subject(), caller.role, caller.department));
            }
        }
        for (Caller resident : List.of(Caller.RESIDENT, Caller.OTHER_RESIDENT)) {
            assertThat(send(resident, HttpMethod.PUT, "/api/v1/me/home-region", Body.HOME_REGION).getStatus()).isEqualTo(200);
        }
        String claimed = JsonPath.read(send(Caller.RESIDENT, HttpMethod.POST, "/api/v1/media", Body.PHOTO).getContentAsString(), "$.id");
        String unclaimed = JsonPath.read(send(Caller.RESIDENT, HttpMethod.POST, "/api/v1/media", Body.PHOTO).getContentAsString(), "$.id");
        String rating = JsonPath.read(send(Caller.RESIDENT, request(HttpMethod.POST, "/api/v1/ratings"), """
                {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-024","regionCode":"%s","level":2,
                 "reasonTags":["dirty"],"photoIds":["%s"]}""".formatted(RatingFixtures.regionOf("pm-024"), claimed))
                .getContentAsString(), "$.id");
        owned = casesReadyForEachStep(rating, claimed, unclaimed);
    }

    /** RESIDENT's 差评 in 古韩镇, each handed to the lead department and taken up to the step its row tries. */
    private Owned casesReadyForEachStep(String rating, String claimed, String unclaimed) {
        CaseFixtures cases = new CaseFixtures(submission, handling, photos);
        Actor setUp = CaseFixtures.official("matrix-set-up-" + RUN, Set.of(Role.HANDLER), LEAD, null);
        Map<String, String> ready = new java.util.LinkedHashMap<>();
        List<String> steps = List.of("contact", "dispose", "rectify", "rerate", "reassign", "appeal", "decide", "evidence",
                "appealEvidence");
        for (int i = 0; i < steps.size(); i++) {
            String id = cases.badReview(Caller.RESIDENT.actor(), CaseFixtures.TOWN_SUBJECTS.get(i), List.of());
            if (!steps.get(i).equals("reassign")) {
                cases.reassigned(id, Unit.department(LEAD));
            }
            ready.put(steps.get(i), id);
        }
        cases.contacted(ready.get("dispose"), setUp);
        cases.disposed(ready.get("rectify"), setUp, DispositionKind.IMMEDIATE);
        cases.disposed(ready.get("rerate"), setUp, DispositionKind.EXPLANATION);
        cases.appealed(ready.get("decide"), setUp);
        String evidence = cases.photo(setUp);
        cases.rectified(ready.get("evidence"), setUp, List.of(evidence));
        String appealPhoto = cases.photo(setUp);
        handling.fileAppeal(setUp, ready.get("appealEvidence"), cases.get(ready.get("appealEvidence")).getVersion(),
                AppealReason.MALICIOUS, "同一人多次恶意差评", List.of(appealPhoto));
        return new Owned(rating, claimed, unclaimed, ready, evidence, appealPhoto);
    }

    /** A case's version as stored now (each row sends the version the caller would have seen). */
    private long versionOf(String path) {
        String caseId = path.replaceAll(".*/(bad-reviews|ratings)/([^/]+)/.*", "$2");
        Document c = mongo.findById(caseId, Document.class, "bad_review_cases");
        return c == null ? 0 : c.get("version", Number.class).longValue();
    }

    private String reassignmentTarget(String path) {
        String caseId = path.replaceAll(".*/bad-reviews/([^/]+)/.*", "$1");
        Document unit = mongo.findById(caseId, Document.class, "bad_review_cases").get("unit", Document.class);
        return "DEPARTMENT".equals(unit.getString("kind"))
                ? "{\"kind\":\"TOWN\",\"code\":\"" + CaseFixtures.TOWN + "\"}"
                : "{\"kind\":\"DEPARTMENT\",\"code\":\"" + LEAD + "\"}";
    }

    private long routingVersion() {
        Document rule = mongo.findById("property-management", Document.class, "bad_review_routing");
        return rule == null || rule.get("version") == null ? 0 : rule.get("version", Number.class).longValue();
    }

    Stream<Arguments> rowsByCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : ROWS) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row.method() + " " + row.path(), caller, row));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rowsByCaller")
    void each_caller_gets_what_their_ownership_and_scope_allow(String name, Caller caller, Row row) throws Exception {
        MockHttpServletResponse response = send(caller, row.method(), owned.resolve(row.path()), row.body());
        String answer = name + " as " + caller + " -> " + response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(answer).isEqualTo(row.expected().of(caller));
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).as(answer).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        } else if (String.valueOf(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertNamesNoResident(body, row, caller, answer);
            row.bodyCheck().check(caller, body, owned);
        }
    }

    /**
     * Ratings are shown without their rater or provenance, and nothing but /me names a resident. (A
     * case's timeline names the officials who acted, to officials: accountability, not personal data
     * of residents.)
     */
    private static void assertNamesNoResident(JsonNode body, Row row, Caller caller, String answer) {
        assertThat(body.findValues("resident")).as(answer).isEmpty();
        if (row.path().equals("/api/v1/me/data")) {
            // One's own copy holds one's subject and provenance, and nothing of another resident.
            assertThat(body.toString()).as(answer).doesNotContain(
                    (caller == Caller.RESIDENT ? Caller.OTHER_RESIDENT : Caller.RESIDENT).subject());
            return;
        }
        assertThat(body.findValues("provenance")).as(answer).isEmpty();
        if (!row.path().equals("/api/v1/me")) {
            assertThat(body.toString()).as(answer).doesNotContain(Caller.RESIDENT.subject(), Caller.OTHER_RESIDENT.subject());
        }
    }

    private MockHttpServletResponse send(Caller caller, HttpMethod method, String path, Body body) throws Exception {
        return switch (body) {
            case NONE -> send(caller, request(method, path), null);
            case RATING -> send(caller, request(method, path),
                    "{\"campaignCode\":\"work-safety\",\"formVersion\":1,\"regionCode\":\"" + HOME + "\",\"level\":4,\"reasonTags\":[\"visible-results\"]}");
            case HOME_REGION -> send(caller, request(method, path), "{\"regionCode\":\"" + HOME + "\"}");
            case SERVICE_CASES -> send(caller, request(method, path), """
                    {"cases":[{"caseNumber":"MX-%s","subjectId":"otov-01","applicant":"%s","completedAt":"2026-11-20T10:15:00+08:00"}]}"""
                    .formatted(RUN, Caller.RESIDENT.subject()));
            case SERVICE_CASES_CSV -> send(caller, request(method, path).contentType("text/csv").content(
                    "caseNumber,subjectId,applicant,completedAt\nMXC-%s,otov-02,%s,2026-11-20T10:15:00+08:00\n"
                            .formatted(RUN, Caller.RESIDENT.subject())), null);
            case FOLLOW_UP -> send(caller, request(method, path), "{\"comment\":\"追评：还是很脏\"}");
            case PHOTO -> send(caller, multipart(path).header("Idempotency-Key", "matrix-" + UUID.randomUUID()).file(new MockMultipartFile("file", "photo.png", "image/png",
                    TestImages.png(8, 8))), null);
            case CONTACT -> send(caller, request(method, path), """
                    {"version":%d,"at":"%s","method":"VISIT","finding":"PARTLY_CONFIRMED","note":"上门核实"}"""
                    .formatted(versionOf(path), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            case DISPOSITION -> send(caller, request(method, path), """
                    {"version":%d,"kind":"IMMEDIATE"}""".formatted(versionOf(path)));
            case RECTIFICATION -> send(caller, request(method, path), """
                    {"version":%d,"evidence":"已清扫","photoIds":["%s"]}""".formatted(versionOf(path), handlerPhoto()));
            case REASSIGNMENT -> send(caller, request(method, path), """
                    {"version":%d,"unit":%s,"reason":"职责调整"}""".formatted(versionOf(path), reassignmentTarget(path)));
            case APPEAL -> send(caller, request(method, path), """
                    {"version":%d,"reason":"MISTAKEN","evidence":"评价对象有误"}""".formatted(versionOf(path)));
            case DECISION -> send(caller, request(method, path), """
                    {"version":%d,"approve":false,"note":"申诉理由不充分"}""".formatted(versionOf(path)));
            case ROUTING -> send(caller, request(method, path), """
                    {"version":%d,"route":"TOWN","contactDays":1,"immediateDays":5,"scheduledDays":15}"""
                    .formatted(routingVersion()));
            case RERATING -> send(caller, request(method, path), "{\"verdict\":\"SATISFIED\"}");
            case MARK_READ -> send(caller, request(method, path), "{\"upTo\":\"9999999999999.zzzzzzzzzz.99999\"}");
            case CAMPAIGN_REPORT -> send(caller, request(method, path), """
                    {"kind":"PUBLIC_SUMMARY","campaignCode":"property-management","from":"%s","format":"CSV"}"""
                    .formatted(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1)));
            case COUNTY_DETAIL_REPORT -> send(caller, request(method, path), """
                    {"kind":"RATING_DETAIL","from":"%s","format":"CSV"}"""
                    .formatted(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1)));
            // The version stored now, so the supervisor's save is never refused as stale.
            case CALENDAR_YEAR -> send(caller, request(method, path), """
                    {"holidays":["%1$d-01-01"],"makeUpWorkingDays":["%1$d-10-11"],"version":%2$d}"""
                    .formatted(MATRIX_CALENDAR_YEAR, calendar.year(MATRIX_CALENDAR_YEAR).version()));
        };
    }

    /** HANDLER's own upload, free for their rectification (uploaded once, before the row's HANDLER call). */
    private String handlerPhoto() {
        if (handlerPhoto == null) {
            handlerPhoto = photos.store(Caller.HANDLER.actor(), new java.io.ByteArrayInputStream(TestImages.png(6, 6))).id();
        }
        return handlerPhoto;
    }

    private MockHttpServletResponse send(Caller caller, AbstractMockHttpServletRequestBuilder<?> request, @Nullable String json)
            throws Exception {
        if (json != null) { // every JSON request that creates something takes a key; the others ignore it
            request.contentType(MediaType.APPLICATION_JSON).content(json).header("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        if (tokenOf.containsKey(caller)) {
            request.header("Authorization", "Bearer " + tokenOf.get(caller));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Console and service actions: every signed-in caller, and whether they may. */
    static Stream<Arguments> allowedOnly(Caller... allowed) {
        Set<Caller> may = Set.of(allowed);
        return Stream.of(Caller.values()).filter(caller -> caller != Caller.ANONYMOUS)
                .map(caller -> Arguments.of(caller, may.contains(caller)));
    }

    static Stream<Arguments> stewards() {
        return allowedOnly(Caller.MANAGER, Caller.SUPERVISOR);
    }

    @ParameterizedTest(name = "suspend property-management as {0}")
    @MethodSource("stewards")
    void suspending_a_campaign_is_for_its_lead_departments_manager_and_supervisors(Caller caller, boolean allowed) {
        Actor actor = caller.actor();
        if (allowed) {
            assertThatCode(() -> stewardship.suspend(actor, "property-management")).doesNotThrowAnyException();
            assertThat(catalog.get("property-management").getStatus()).isEqualTo(CampaignStatus.SUSPENDED);
            stewardship.resume(actor, "property-management");
        } else {
            assertThatThrownBy(() -> stewardship.suspend(actor, "property-management")).isInstanceOf(ForbiddenException.class);
        }
        assertThat(catalog.get("property-management").getStatus()).isEqualTo(CampaignStatus.ACTIVE);
    }

    static Stream<Arguments> auditLogReaders() {
        return allowedOnly(Caller.SUPERVISOR, Caller.AUDITOR);
    }

    @ParameterizedTest(name = "read the audit log as {0}")
    @MethodSource("auditLogReaders")
    void the_audit_log_is_for_auditors_and_supervisors(Caller caller, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> auditTrail.newest(caller.actor(), 10)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> auditTrail.newest(caller.actor(), 10)).isInstanceOf(ForbiddenException.class);
        }
    }

    static Stream<Arguments> alertReaders() {
        return allowedOnly(Caller.HANDLER, Caller.MANAGER, Caller.OTHER_MANAGER, Caller.SUPERVISOR, Caller.AUDITOR);
    }

    @ParameterizedTest(name = "read the officials' bell as {0}")
    @MethodSource("alertReaders")
    void the_bell_is_for_officials(Caller caller, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> alerts.of(caller.actor())).doesNotThrowAnyException();
            assertThatCode(() -> alerts.markSeen(caller.actor(), List.of())).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> alerts.of(caller.actor())).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> alerts.markSeen(caller.actor(), List.of())).isInstanceOf(ForbiddenException.class);
        }
    }

    static Stream<Arguments> rollupRebuilders() {
        return allowedOnly(Caller.SUPERVISOR);
    }

    @ParameterizedTest(name = "rebuild the rollups as {0}")
    @MethodSource("rollupRebuilders")
    void rebuilding_the_rollups_is_for_supervisors_only(Caller caller, boolean allowed) {
        if (allowed) {
            long stored = mongo.count(new Query(), Rating.class);
            assertThat(rollups.rebuild(caller.actor()).ratingsRead()).isEqualTo(stored).isPositive();
        } else {
            assertThatThrownBy(() -> rollups.rebuild(caller.actor())).isInstanceOf(ForbiddenException.class);
        }
    }

    static Stream<Arguments> calendarReaders() {
        return allowedOnly(Caller.HANDLER, Caller.MANAGER, Caller.OTHER_MANAGER, Caller.SUPERVISOR, Caller.AUDITOR);
    }

    @ParameterizedTest(name = "read the holiday calendar as {0}")
    @MethodSource("calendarReaders")
    void every_official_reads_the_holiday_calendar_and_residents_do_not(Caller caller, boolean allowed) {
        if (allowed) {
            assertThat(calendar.year(caller.actor(), 2026).isArranged()).isTrue();
        } else {
            assertThatThrownBy(() -> calendar.year(caller.actor(), 2026)).isInstanceOf(ForbiddenException.class);
        }
    }

    static Stream<Arguments> calendarEditors() {
        return allowedOnly(Caller.SUPERVISOR);
    }

    @ParameterizedTest(name = "save the holiday calendar as {0}")
    @MethodSource("calendarEditors")
    void entering_the_holiday_calendar_is_for_supervisors_only(Caller caller, boolean allowed) {
        YearArrangement read = calendar.year(MATRIX_CALENDAR_YEAR);
        YearArrangement change = new YearArrangement(MATRIX_CALENDAR_YEAR,
                List.of(LocalDate.of(MATRIX_CALENDAR_YEAR, 10, 1)), List.of(), "矩阵测试", read.version());
        if (allowed) {
            assertThat(calendar.save(caller.actor(), change).version()).isEqualTo(read.version() + 1);
        } else {
            assertThatThrownBy(() -> calendar.save(caller.actor(), change)).isInstanceOf(ForbiddenException.class);
            assertThat(calendar.year(MATRIX_CALENDAR_YEAR)).isEqualTo(read);
        }
    }

    static Stream<Arguments> caseQueueReaders() {
        return allowedOnly(Caller.HANDLER, Caller.MANAGER, Caller.OTHER_MANAGER, Caller.SUPERVISOR, Caller.AUDITOR);
    }

    @ParameterizedTest(name = "read the 差评工单 counts (console navigation and bell) as {0}")
    @MethodSource("caseQueueReaders")
    void the_case_queue_and_its_counts_are_for_officials(Caller caller, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> caseQueue.counts(caller.actor())).doesNotThrowAnyException();
            assertThatCode(() -> caseQueue.page(caller.actor(), CaseQueue.Filter.ALL, null, 10)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> caseQueue.counts(caller.actor())).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> caseQueue.page(caller.actor(), CaseQueue.Filter.ALL, null, 10))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    static Stream<Arguments> caseRatingReaders() {
        return allowedOnly(Caller.HANDLER, Caller.MANAGER, Caller.SUPERVISOR, Caller.AUDITOR);
    }

    @ParameterizedTest(name = "read the 差评 of a case (console case page) as {0}")
    @MethodSource("caseRatingReaders")
    void the_rating_behind_a_case_is_for_the_officials_who_see_the_case(Caller caller, boolean allowed) {
        if (allowed) {
            assertThat(caseRatings.ratingOf(caller.actor(), owned.rating()).id()).isEqualTo(owned.rating());
        } else {
            assertThatThrownBy(() -> caseRatings.ratingOf(caller.actor(), owned.rating())).isInstanceOf(ForbiddenException.class);
        }
    }
}
