package org.haochaping.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.haochaping.identity.Role;
import org.haochaping.rating.RatingFixtures;

/**
 * A valid request of each operation of the contract (the positive control every mutation starts
 * from), with the role that may make it ({@code null}: anyone). A new operation in the contract
 * fails the generated-input test until it gets one here.
 */
final class ValidRequests {

    /** The parts of a request; {@code body} is a JSON object, or a file's bytes for an upload. */
    record Base(Role role, Map<String, Object> path, Map<String, Object> query, Map<String, Object> headers,
            Object body) {
    }

    /**
     * What the fixtures created before the run: a resident's rating and photo, cases ready for each
     * step, and where the holiday calendar's test year stands, read when a request is made, so the
     * unchanged save is never stale.
     */
    record Fixtures(String ratingId, String mediaId, byte[] photo, CaseSupply cases, LongSupplier calendarVersion,
            String reportId, Supplier<String> erasureCode) {
    }

    /** The holiday calendar's year for generated saves: one that no other test counts deadlines in. */
    static final int CALENDAR_YEAR = 2099;

    private static final List<String> SUBJECTS = java.util.stream.IntStream.rangeClosed(1, 24)
            .mapToObj(i -> "pm-%03d".formatted(i)).toList();

    private ValidRequests() {
    }

    static Map<String, Supplier<Base>> of(Fixtures fixtures) {
        Map<String, Supplier<Base>> bases = new LinkedHashMap<>();
        bases.put("listCampaigns", () -> base(null, Map.of(), Map.of("status", "ACTIVE")));
        bases.put("getCampaign", () -> base(null, Map.of("code", "property-management"), Map.of()));
        bases.put("getMe", () -> base(Role.RESIDENT, Map.of(), Map.of()));
        bases.put("getMyData", () -> base(Role.RESIDENT, Map.of(), Map.of()));
        bases.put("requestAccountErasure", () -> base(Role.RESIDENT, Map.of(), Map.of()));
        // A fresh code of the RESIDENT the generated requests use (one with no data the other operations need).
        bases.put("eraseMyAccount", () -> new Base(Role.RESIDENT, Map.of(), Map.of(),
                Map.of("Erasure-Code", fixtures.erasureCode().get()), null));
        bases.put("getAppConfig", () -> base(null, Map.of(), Map.of()));
        bases.put("getPrivacyNotice", () -> base(null, Map.of(), Map.of()));
        bases.put("checkRatingEligibility", () -> base(Role.RESIDENT, Map.of("code", "property-management"),
                Map.of("subjectId", "pm-003", "regionCode", RatingFixtures.regionOf("pm-003"))));
        bases.put("listRegions", () -> base(null, Map.of(), Map.of()));
        bases.put("listSubjects", () -> base(null, Map.of("code", "property-management"),
                Map.of("region", "140423", "lat", "36.5295", "lng", "113.04744", "q", "苑", "limit", "5")));
        bases.put("getCampaignSummary", () -> base(null, Map.of("code", "illegal-construction"), Map.of()));
        bases.put("getCampaignAttainment", () -> base(Role.SUPERVISOR, Map.of("code", "property-management"), Map.of()));
        bases.put("submitRating", ValidRequests::rating);
        bases.put("addFollowUp", () -> new Base(Role.RESIDENT, Map.of("id", fixtures.ratingId()), Map.of(),
                Map.of("Idempotency-Key", "gen-" + UUID.randomUUID()), Map.of("comment", "已经修好了，谢谢")));
        bases.put("listMyRatings", () -> base(Role.RESIDENT, Map.of(), Map.of("limit", "5")));
        bases.put("getMyRating", () -> base(Role.RESIDENT, Map.of("id", fixtures.ratingId()), Map.of()));
        bases.put("uploadMedia", () -> new Base(Role.RESIDENT, Map.of(), Map.of(), Map.of("Idempotency-Key", "gen-" + UUID.randomUUID()),
                fixtures.photo()));
        bases.put("getMedia", () -> base(Role.RESIDENT, Map.of("id", fixtures.mediaId()), Map.of()));
        badReviews(bases, fixtures.cases());
        bases.put("rerateRating", () -> new Base(Role.RESIDENT, Map.of("id", fixtures.cases().readyFor("rerating").getId()),
                Map.of(), Map.of("Idempotency-Key", "gen-" + UUID.randomUUID()), Map.of("verdict", "SATISFIED")));
        bases.put("listMyNotifications", () -> base(Role.RESIDENT, Map.of(), Map.of("limit", "10")));
        bases.put("markNotificationsRead", () -> new Base(Role.RESIDENT, Map.of(), Map.of(), Map.of(),
                Map.of("upTo", "1764201600000.abcdefghij.0", "ids", List.of("1764201600000.abcdefghik.1"))));
        bases.put("getHomeRegion", () -> base(Role.RESIDENT, Map.of(), Map.of()));
        bases.put("chooseHomeRegion", () -> new Base(Role.RESIDENT, Map.of(), Map.of(), Map.of(),
                Map.of("regionCode", HOME_REGION)));
        bases.put("registerServiceCases", () -> new Base(Role.SUPERVISOR, Map.of("code", PER_CASE_CAMPAIGN), Map.of(),
                Map.of(), Map.of("cases", List.of(Map.of("caseNumber", "GEN-0001", "subjectId", "otov-01",
                        "applicant", "gen-applicant", "completedAt", "2026-11-20T10:15:00+08:00")))));
        bases.put("importServiceCases", () -> new Base(Role.SUPERVISOR, Map.of("code", PER_CASE_CAMPAIGN), Map.of(),
                Map.of(), "caseNumber,subjectId,applicant,completedAt\nGEN-0002,otov-02,gen-applicant,2026-11-20T10:15:00+08:00\n"));
        bases.put("getHolidayCalendarYear", () -> base(Role.HANDLER, Map.of("year", 2026), Map.of()));
        bases.put("saveHolidayCalendarYear", () -> calendarYear(fixtures.calendarVersion().getAsLong()));
        reports(bases, fixtures.reportId());
        return bases;
    }

    /** The officials' case API: each step on a case in the state it needs, by the role that takes it. */
    private static void badReviews(Map<String, Supplier<Base>> bases, CaseSupply cases) {
        bases.put("listBadReviews", () -> base(Role.SUPERVISOR, Map.of(), Map.of("status", "AWAITING_CONTACT",
                "campaign", "property-management", "town", "140423100", "dueSoon", "false", "overdue", "false",
                "appealPending", "false", "limit", "20")));
        bases.put("getBadReview", () -> base(Role.AUDITOR, Map.of("id", cases.readyFor("read").getId()), Map.of()));
        bases.put("recordCaseContact", () -> step(Role.HANDLER, cases.readyFor("contact"), Map.of("at",
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), "method", "PHONE",
                "finding", "CONFIRMED", "note", "电话核实，情况属实")));
        bases.put("disposeCase", () -> step(Role.HANDLER, cases.readyFor("disposition"), Map.of("kind", "SCHEDULED",
                "plan", "三日内清扫楼道", "dueDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).toString())));
        bases.put("completeCaseRectification", () -> {
            var c = cases.readyFor("rectification");
            return step(Role.HANDLER, c, Map.of("evidence", "已清扫完毕", "photoIds", List.of(cases.rectificationPhoto(c))));
        });
        bases.put("reassignCase", () -> {
            var c = cases.readyFor("reassignment");
            return step(Role.MANAGER, c, Map.of("unit", cases.reassignmentTarget(c), "reason", "属于该部门职责"));
        });
        bases.put("fileCaseAppeal", () -> step(Role.HANDLER, cases.readyFor("appeal"), Map.of("reason", "MISTAKEN",
                "evidence", "评价对象与事实不符", "photoIds", List.of())));
        bases.put("decideCaseAppeal", () -> step(Role.SUPERVISOR, cases.readyFor("decision"), Map.of("approve", false,
                "note", "申诉理由不充分")));
        bases.put("getCaseRouting", () -> base(Role.HANDLER, Map.of("code", "property-management"), Map.of()));
        bases.put("configureCaseRouting", () -> new Base(Role.SUPERVISOR, Map.of("code", ROUTED_CAMPAIGN), Map.of(), Map.of(),
                new LinkedHashMap<>(Map.of("version", cases.routingVersion(ROUTED_CAMPAIGN), "route", "LEAD_DEPARTMENT",
                        "contactDays", 1, "immediateDays", 5, "scheduledDays", 15))));
    }

    /** The reports API; {@code reportId} is a finished report of the SUPERVISOR's. */
    private static void reports(Map<String, Supplier<Base>> bases, String reportId) {
        bases.put("getBadReviewFigures", () -> base(Role.MANAGER, Map.of(), Map.of("campaign", "property-management",
                "from", "2026-01", "to", "2026-12")));
        bases.put("createReport", () -> new Base(Role.SUPERVISOR, Map.of(), Map.of(), Map.of("Idempotency-Key", "gen-" + UUID.randomUUID()),
                new LinkedHashMap<>(Map.of(
                "kind", "PUBLIC_SUMMARY", "campaignCode", "property-management", "from", lastMonth(), "to", lastMonth(),
                "format", "CSV"))));
        bases.put("listReports", () -> base(Role.SUPERVISOR, Map.of(), Map.of("limit", "10")));
        bases.put("getReport", () -> base(Role.SUPERVISOR, Map.of("id", reportId), Map.of()));
        bases.put("downloadReport", () -> base(Role.SUPERVISOR, Map.of("id", reportId), Map.of()));
    }

    static String lastMonth() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
    }

    /** The 一事一评 campaign whose cases the generated input registers, and the home region it chooses. */
    static final String PER_CASE_CAMPAIGN = "one-thing-one-visit";
    static final String HOME_REGION = "140423100001";

    /** The campaign whose routing the generated input configures (no other test opens cases in it). */
    static final String ROUTED_CAMPAIGN = "funeral-reform";

    private static Base step(Role role, org.haochaping.badreview.BadReviewCase c, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", c.getVersion());
        body.putAll(fields);
        return new Base(role, Map.of("id", c.getId()), Map.of(), Map.of(), body);
    }

    /** A good rating of one of many subjects, so eligibility (once per subject and month) rarely refuses it. */
    private static Base rating() {
        String subject = SUBJECTS.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(SUBJECTS.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignCode", "property-management");
        body.put("formVersion", 1);
        body.put("subjectId", subject);
        body.put("regionCode", RatingFixtures.regionOf(subject));
        body.put("level", 4);
        body.put("indicatorScores", Map.of("overall", 4));
        body.put("reasonTags", List.of("clean"));
        body.put("comment", "物业服务不错");
        Map<String, Object> headers = Map.of("Idempotency-Key", "gen-" + UUID.randomUUID(),
                "X-Device-Id", "device-1", "X-App-Version", "1.0.0");
        return new Base(Role.RESIDENT, Map.of(), Map.of(), headers, body);
    }

    /** A supervisor's save of {@link #CALENDAR_YEAR} from the version stored now (make-up Saturday 26 September). */
    private static Base calendarYear(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holidays", List.of(CALENDAR_YEAR + "-01-01", CALENDAR_YEAR + "-10-01"));
        body.put("makeUpWorkingDays", List.of(CALENDAR_YEAR + "-09-26"));
        body.put("source", "国务院办公厅关于" + CALENDAR_YEAR + "年部分节假日安排的通知（测试）");
        body.put("version", version);
        return new Base(Role.SUPERVISOR, Map.of("year", CALENDAR_YEAR), Map.of(), Map.of(), body);
    }

    private static Base base(Role role, Map<String, Object> path, Map<String, Object> query) {
        return new Base(role, path, query, Map.of(), null);
    }
}
