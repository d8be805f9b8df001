package org.haochaping.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.haochaping.ApiContract;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.rating.Channel;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.rating.RatingRequest;
import org.haochaping.rating.RatingSubmission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Reports through the running application: the figures of a report equal the API's for the same scope
 * and period, read back from the files by independent readers (POI, Commons CSV, PDFBox); pseudonyms,
 * comments and formula injection in the 评价明细; who may export what; the audit entry; a failed report
 * that leaves nothing behind; expiry.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests {

    static final String CAMPAIGN = "property-management";
    static final YearMonth MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    static final Actor SUPERVISOR = CaseFixtures.supervisor("report-supervisor-" + UUID.randomUUID());
    static final Actor AUDITOR = CaseFixtures.official("report-auditor-" + UUID.randomUUID(), Set.of(Role.AUDITOR), null, null);
    static final Actor LEAD_MANAGER = CaseFixtures.leadManager("report-manager-" + UUID.randomUUID());
    static final Actor OTHER_MANAGER = CaseFixtures.official("report-other-" + UUID.randomUUID(), Set.of(Role.MANAGER),
            "approval-services", null);
    static final String INJECTION = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    ReportCenter center;
    @Autowired
    RatingSubmission submission;
    @Autowired
    AuditLog audit;
    @Autowired
    org.haochaping.badreview.BadReviewHandling handling;
    @Autowired
    org.haochaping.media.PhotoLibrary photos;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReportRetention retention;
    @Autowired
    ReportFiles files;
    @Autowired
    org.haochaping.system.Labels labels;
    @Autowired
    java.time.Clock clock;

    String resident = "report-resident-" + UUID.randomUUID();

    /** Ratings of this month: good and bad ones, one resident rating twice, a comment that looks like a formula. */
    @BeforeAll
    void rate() {
        Actor twice = CaseFixtures.resident(resident);
        rateAs(twice, "pm-001", 5, List.of(), INJECTION);
        String bad = rateAs(twice, "pm-002", 1, List.of("dirty"), "楼道很脏");
        new CaseFixtures(submission, handling, photos).contacted(bad, CaseFixtures.townHandler("report-handler-" + UUID.randomUUID()));
        for (int i = 0; i < 12; i++) {
            rateAs(CaseFixtures.resident("report-other-resident-" + UUID.randomUUID()), "pm-%03d".formatted(3 + i % 10),
                    i % 4 == 0 ? 2 : 4, i % 4 == 0 ? List.of("dirty") : List.of(), null);
        }
    }

    private String rateAs(Actor who, String subject, int level, List<String> reasons, @org.jspecify.annotations.Nullable String comment) {
        return submission.submit(who, new RatingRequest(CAMPAIGN, subject, RatingFixtures.regionOf(subject), level, Map.of(),
                reasons, comment, List.of(), Channel.APP, null, null), "report-" + UUID.randomUUID(), null, null, null).rating().id();
    }

    @Test
    void the_monthly_spreadsheet_shows_the_apis_figures_for_the_same_campaign_and_month() throws Exception {
        ReportJob job = finished(SUPERVISOR, ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, CAMPAIGN, MONTH, ReportFormat.XLSX));

        Map<String, Object> attainment = api("/api/v1/admin/campaigns/" + CAMPAIGN + "/attainment?from=" + MONTH.atDay(1)
                + "&to=" + MONTH.atEndOfMonth());
        Map<String, Object> cases = api("/api/v1/admin/bad-review-figures?campaign=" + CAMPAIGN + "&from=" + MONTH + "&to=" + MONTH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(bytes(SUPERVISOR, job))) {
            Sheet overview = workbook.getSheet("概况");
            assertThat(figure(overview, "有效评价")).isEqualTo(number(attainment, "count"));
            assertThat(100 * figure(overview, "好评率")).isCloseTo(number(attainment, "goodRate"), within(0.005));
            assertThat(100 * figure(overview, "差评率")).isCloseTo(number(attainment, "badRate"), within(0.005));
            assertThat(figure(overview, "满意度指数")).isCloseTo(number(attainment, "satisfactionIndex"), within(0.005));
            assertThat(figure(overview, "差评工单")).isEqualTo(number(cases, "cases"));
            assertThat(number(cases, "contactRate")).as("a case was contacted this month").isGreaterThan(0);
            assertThat(100 * figure(overview, "回访率")).isCloseTo(number(cases, "contactRate"), within(0.005));
            assertThat(number(attainment, "count")).as("this month's ratings of the test are in it").isGreaterThanOrEqualTo(14);

            Sheet goals = workbook.getSheet("目标达成");
            List<Map<String, Object>> evaluations = JsonPath.read(apiBody("/api/v1/admin/campaigns/" + CAMPAIGN
                    + "/attainment?from=" + MONTH.atDay(1) + "&to=" + MONTH.atEndOfMonth()), "$.goals");
            assertThat(goals.getLastRowNum()).as("one row per goal").isEqualTo(evaluations.size());
            for (int i = 0; i < evaluations.size(); i++) {
                Row row = goals.getRow(i + 1);
                Map<String, Object> evaluation = evaluations.get(i);
                assertThat(row.getCell(6).getStringCellValue()).as("status of goal " + evaluation.get("code"))
                        .isEqualTo(labels.of(org.haochaping.satisfaction.AttainmentStatus.valueOf((String) evaluation.get("status"))));
                assertThat((long) row.getCell(5).getNumericCellValue()).isEqualTo(((Number) evaluation.get("sample")).longValue());
                if (evaluation.get("intervalLow") != null) {
                    assertThat(100 * row.getCell(3).getNumericCellValue())
                            .isCloseTo(((Number) evaluation.get("intervalLow")).doubleValue(), within(0.005));
                }
            }
        }
    }

    @Test
    void the_county_report_lists_each_campaign_with_the_apis_figures() throws Exception {
        ReportJob job = finished(SUPERVISOR, ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, null, MONTH, ReportFormat.XLSX));

        try (XSSFWorkbook workbook = new XSSFWorkbook(bytes(SUPERVISOR, job))) {
            Sheet campaigns = workbook.getSheet("各攻坚行动");
            long countySum = 0;
            for (int r = 1; r <= campaigns.getLastRowNum(); r++) {
                Row row = campaigns.getRow(r);
                String name = row.getCell(0).getStringCellValue();
                String code = codeOf(name);
                Map<String, Object> attainment = api("/api/v1/admin/campaigns/" + code + "/attainment?from=" + MONTH.atDay(1)
                        + "&to=" + MONTH.atEndOfMonth());
                assertThat((double) (long) row.getCell(1).getNumericCellValue()).as(name).isEqualTo(number(attainment, "count"));
                if (number(attainment, "count") > 0) {
                    assertThat(100 * row.getCell(2).getNumericCellValue()).as(name).isCloseTo(number(attainment, "goodRate"), within(0.005));
                }
                countySum += (long) row.getCell(1).getNumericCellValue();
            }
            assertThat(campaigns.getLastRowNum()).as("every campaign").isEqualTo(10);
            assertThat(figure(workbook.getSheet("概况"), "有效评价")).as("the county's total is the sum of its campaigns")
                    .isEqualTo(countySum);
        }
    }

    @Test
    void the_monthly_pdf_states_the_figures_in_chinese() throws Exception {
        ReportJob job = finished(SUPERVISOR, ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, CAMPAIGN, MONTH, ReportFormat.PDF));
        Map<String, Object> attainment = api("/api/v1/admin/campaigns/" + CAMPAIGN + "/attainment?from=" + MONTH.atDay(1)
                + "&to=" + MONTH.atEndOfMonth());

        try (var pdf = Loader.loadPDF(bytes(SUPERVISOR, job).readAllBytes())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("满意度分析报告", "一、总体情况", "差评整改情况")
                    .contains("好评率" + org.haochaping.system.Figures.percent(number(attainment, "goodRate")));
        }
        assertThat(center.previewPng(SUPERVISOR, job.id())).as("a PNG of the first page").startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void the_detail_names_residents_by_pseudonyms_of_its_own_and_neutralises_formulas() throws Exception {
        List<CSVRecord> first = csv(SUPERVISOR, finished(SUPERVISOR, detail()));
        List<CSVRecord> second = csv(SUPERVISOR, finished(SUPERVISOR, detail()));

        List<CSVRecord> mine = ofResidentsFirstRatings(first);
        assertThat(mine).as("the resident's two ratings").hasSize(2);
        String pseudonym = mine.getFirst().get("评价人（化名）");
        assertThat(mine.get(1).get("评价人（化名）")).as("one resident, one pseudonym within an export").isEqualTo(pseudonym);
        assertThat(pseudonym).startsWith("居民-").doesNotContain(resident);
        assertThat(ofResidentsFirstRatings(second).getFirst().get("评价人（化名）")).as("drawn anew for each export")
                .isNotEqualTo(pseudonym);
        assertThat(mine.getFirst().get("评价内容")).as("a comment that looks like a formula is text")
                .isEqualTo("'" + INJECTION);
        String whole = String.join("\n", first.stream().map(CSVRecord::toString).toList());
        assertThat(whole).doesNotContain(resident);
        mongo.findAll(org.bson.Document.class, "ratings").stream()
                .map(rating -> (org.bson.Document) rating.get("provenance")).filter(java.util.Objects::nonNull)
                .flatMap(provenance -> java.util.stream.Stream.of(provenance.getString("deviceHash"), provenance.getString("ipHash")))
                .filter(java.util.Objects::nonNull).limit(200)
                .forEach(hash -> assertThat(whole).as("no provenance hash").doesNotContain(hash));
    }

    @Test
    void an_auditors_detail_has_no_comments() throws Exception {
        List<CSVRecord> rows = csv(AUDITOR, finished(AUDITOR, detail()));
        assertThat(rows.getFirst().isMapped("评价内容")).isFalse();
        assertThat(rows).isNotEmpty();
    }

    @Test
    void officials_export_only_what_their_role_and_scope_allow() {
        assertThat(finished(LEAD_MANAGER, ReportRequest.month(ReportKind.CASE_LEDGER, CAMPAIGN, MONTH, ReportFormat.CSV)).state())
                .isEqualTo(ReportJob.State.DONE);
        assertThatThrownBy(() -> center.submit(LEAD_MANAGER, ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, null, MONTH, ReportFormat.PDF)))
                .as("the county").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> center.submit(LEAD_MANAGER, ReportRequest.month(ReportKind.RATING_DETAIL, CAMPAIGN, MONTH, ReportFormat.CSV)))
                .as("the detail").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> center.submit(OTHER_MANAGER, ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH, ReportFormat.PDF)))
                .as("another department's campaign").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> center.submit(CaseFixtures.resident(resident), ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH, ReportFormat.PDF)))
                .as("a resident").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> center.submit(SUPERVISOR, ReportRequest.month(ReportKind.RATING_DETAIL, CAMPAIGN, MONTH, ReportFormat.PDF)))
                .as("a detail has no PDF").isInstanceOf(ReportInputException.class);
        assertThatThrownBy(() -> center.submit(SUPERVISOR, ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH.plusMonths(1), ReportFormat.PDF)))
                .as("next month").isInstanceOf(ReportInputException.class);
        ReportJob others = finished(SUPERVISOR, ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH, ReportFormat.CSV));
        assertThatThrownBy(() -> center.file(LEAD_MANAGER, others.id())).as("another official's report")
                .isInstanceOf(ReportNotFoundException.class);
        assertThat(audit.newest(50)).as("refusals are audited").anyMatch(entry -> entry.actor().equals(OTHER_MANAGER.subject())
                && entry.action().equals("ACCESS_DENIED"));
    }

    @Test
    void every_export_is_audited_with_who_kind_scope_period_and_rows() throws Exception {
        ReportJob job = finished(AUDITOR, ReportRequest.month(ReportKind.RATING_DETAIL, CAMPAIGN, MONTH, ReportFormat.CSV));
        int rowsInFile = csv(AUDITOR, job).size();

        AuditEntry entry = audit.newest(200).stream().filter(e -> e.action().equals("REPORT_EXPORTED")
                && e.details() != null && e.details().contains("job=" + job.id())).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo(AUDITOR.subject());
        assertThat(entry.target()).isEqualTo("campaign:" + CAMPAIGN);
        assertThat(entry.details()).contains("kind=RATING_DETAIL", "format=CSV", "period=" + MONTH, "rows=" + rowsInFile);
        assertThat(job.rows()).isEqualTo(rowsInFile);
    }

    @Test
    void the_api_queues_a_report_with_its_location_and_serves_the_file_when_done() throws Exception {
        String token = CaseFixtures.token(tokens, SUPERVISOR);
        String key = "ledger-" + UUID.randomUUID();
        var created = mvc.perform(post("/api/v1/admin/reports").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"CASE_LEDGER","campaignCode":"%s","from":"%s","format":"XLSX"}""".formatted(CAMPAIGN, MONTH)))
                .andExpect(ApiContract.conforms()).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(202);
        String location = created.getHeader("Location");
        var retried = mvc.perform(post("/api/v1/admin/reports").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"CASE_LEDGER","campaignCode":"%s","from":"%s","format":"XLSX"}""".formatted(CAMPAIGN, MONTH)))
                .andExpect(ApiContract.conforms()).andReturn().getResponse();
        assertThat(retried.getHeader("Location")).as("a retry gets the report its first try queued").isEqualTo(location);
        assertThat(retried.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mvc.perform(post("/api/v1/admin/reports").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"CASE_LEDGER","campaignCode":"%s","from":"%s","format":"CSV"}""".formatted(CAMPAIGN, MONTH)))
                .andExpect(ApiContract.responseConforms()).andReturn().getResponse().getStatus()).as("the key for another request")
                .isEqualTo(422);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(JsonPath.read(mvc.perform(get(location)
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString(), "$.state")));
        var file = mvc.perform(get(location + "/file").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            assertThat(workbook.getSheet("整改台账")).isNotNull();
        }
    }

    @Test
    void a_report_that_fails_while_writing_leaves_no_file_and_no_export_in_the_audit() {
        ReportRequest request = ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH, ReportFormat.CSV);
        org.haochaping.report.format.ReportWriter failing = new org.haochaping.report.format.ReportWriter() {
            @Override
            public ReportFormat format() {
                return ReportFormat.CSV;
            }

            @Override
            public long write(org.haochaping.report.document.ReportDocument document, java.io.OutputStream out,
                    java.util.function.LongConsumer rowsWritten) throws java.io.IOException {
                out.write(new byte[600_000]); // more than two GridFS chunks are stored before it fails
                throw new java.io.IOException("disk on fire");
            }
        };
        List<ReportContent> contents = new ArrayList<>();
        contents.add(new ReportContent() {
            @Override
            public ReportKind kind() {
                return ReportKind.PUBLIC_SUMMARY;
            }

            @Override
            public Prepared prepare(Actor actor, ReportRequest r) {
                return new Prepared(new org.haochaping.report.document.ReportDocument("t", "s", List.of()), 0);
            }
        });
        ReportRunner runner = new ReportRunner(contents, List.of(failing), files, mongo, audit, clock);
        ReportJob job = mongo.insert(center.newJob("r-failing-" + UUID.randomUUID(), request, SUPERVISOR.subject(), "x"));

        ReportJob ended = runner.run(job, SUPERVISOR);

        assertThat(ended.state()).isEqualTo(ReportJob.State.FAILED);
        assertThat(ended.failure()).isEqualTo("REPORT_FAILED");
        assertThat(ended.fileId()).isNull();
        assertThat(mongo.getCollection("reports.files").countDocuments(new org.bson.Document("metadata.job", job.id()))).isZero();
        assertThat(mongo.getCollection("reports.chunks").countDocuments()).as("no orphaned chunks")
                .isEqualTo(chunksOfKeptFiles());
        assertThat(audit.newest(200)).noneMatch(e -> e.details() != null && e.details().contains("job=" + job.id()));
        assertThatThrownBy(() -> center.file(SUPERVISOR, job.id())).isInstanceOf(ReportNotReadyException.class);
    }

    @Test
    void expired_reports_are_deleted_with_their_files() throws Exception {
        ReportJob job = finished(SUPERVISOR, ReportRequest.month(ReportKind.PUBLIC_SUMMARY, CAMPAIGN, MONTH, ReportFormat.PDF));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(job.id())),
                new org.springframework.data.mongodb.core.query.Update().set("expiresAt", clock.instant().minusSeconds(1)), ReportJob.class);

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.findById(job.id(), ReportJob.class)).isNull();
        assertThat(mongo.getCollection("reports.files").countDocuments(new org.bson.Document("_id", new org.bson.types.ObjectId(job.fileId()))))
                .isZero();
        assertThat(mongo.getCollection("reports.chunks").countDocuments(new org.bson.Document("files_id", new org.bson.types.ObjectId(job.fileId()))))
                .isZero();
    }

    private long chunksOfKeptFiles() {
        long chunks = 0;
        for (org.bson.Document file : mongo.getCollection("reports.files").find()) {
            chunks += mongo.getCollection("reports.chunks").countDocuments(new org.bson.Document("files_id", file.get("_id")));
        }
        return chunks;
    }

    private static ReportRequest detail() {
        return ReportRequest.month(ReportKind.RATING_DETAIL, CAMPAIGN, MONTH, ReportFormat.CSV);
    }

    /** The rows of the test resident's ratings, found by the comment and the subject they rated. */
    private List<CSVRecord> ofResidentsFirstRatings(List<CSVRecord> rows) {
        List<CSVRecord> mine = new ArrayList<>();
        for (CSVRecord row : rows) {
            if (row.get("评价内容").equals("'" + INJECTION) || row.get("评价内容").equals("楼道很脏")) {
                mine.add(row);
            }
        }
        mine.sort(java.util.Comparator.comparing(row -> row.get("评价内容").equals("楼道很脏")));
        return mine;
    }

    private ReportJob finished(Actor actor, ReportRequest request) {
        ReportJob job = center.submit(actor, request);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> center.job(actor, job.id()).finished());
        ReportJob done = center.job(actor, job.id());
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo(ReportJob.State.DONE);
        return done;
    }

    private InputStream bytes(Actor actor, ReportJob job) throws Exception {
        return center.file(actor, job.id()).content().open();
    }

    private List<CSVRecord> csv(Actor actor, ReportJob job) throws Exception {
        byte[] bytes = bytes(actor, job).readAllBytes();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }

    /** The number beside a label of the 概况 sheet (key figures: label, value, note). */
    private static double figure(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                Cell value = row.getCell(1);
                assertThat(value.getCellType()).as(label + " is a number").isEqualTo(CellType.NUMERIC);
                return value.getNumericCellValue();
            }
        }
        throw new AssertionError("no figure " + label);
    }

    private String codeOf(String campaignName) throws Exception {
        List<Map<String, Object>> campaigns = JsonPath.read(mvc.perform(get("/api/v1/campaigns")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.items");
        return campaigns.stream().filter(c -> campaignName.equals(((Map<?, ?>) c.get("name")).get("zh")))
                .map(c -> (String) c.get("code")).findFirst().orElseThrow();
    }

    private Map<String, Object> api(String path) throws Exception {
        return JsonPath.read(apiBody(path), "$");
    }

    private String apiBody(String path) throws Exception {
        var response = mvc.perform(get(path).header("Authorization", "Bearer " + CaseFixtures.token(tokens, SUPERVISOR)))
                .andExpect(ApiContract.conforms()).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static double number(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
