package org.haochaping.admin.report.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.haochaping.admin.base.ConsoleTestBase;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.haochaping.report.ReportCenter;
import org.haochaping.report.ReportFile;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.ReportJob;
import org.haochaping.report.ReportKind;
import org.haochaping.report.ReportRequest;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

/**
 * The 报表中心 in a mocked Vaadin UI (Karibu) over the whole running system: the view is given the
 * real {@link ReportCenter}, so the reports it asks for are really produced in the background; only
 * the signed-in official is stated by the test.
 */
class ReportCenterViewTests extends ConsoleTestBase {

    static final Actor SUPERVISOR = new Actor("report-view-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);
    static final Actor MANAGER = new Actor("report-view-manager", "住建局负责人", Set.of(Role.MANAGER), "housing-construction", null);

    @Autowired
    org.haochaping.report.ReportNotices notices;
    @Autowired
    org.haochaping.report.MonthlyReports monthly;
    @Autowired
    ReportCenter reports;
    @Autowired
    Labels labels;
    @Autowired
    Problems problems;
    @Autowired
    Clock clock;

    @BeforeEach
    void mockVaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    @Test
    void a_supervisor_asks_for_a_monthly_pdf_watches_it_finish_downloads_and_previews_it() throws Exception {
        ReportCenterView view = openAs(SUPERVISOR);
        ReportCenterView.Scope campaign = items(view.scope).stream().filter(scope -> scope.campaignCode() != null)
                .findFirst().orElseThrow();
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        view.kind.setValue(ReportKind.MONTHLY_ANALYSIS);
        view.scope.setValue(campaign);
        assertThat(view.from.getValue()).as("last month by default").isEqualTo(lastMonth);
        assertThat(view.to.getValue()).isEqualTo(lastMonth);
        view.format.setValue(ReportFormat.PDF);
        assertThat(view.progress.isVisible()).isFalse();

        view.submit.click();

        assertThat(view.progress.isVisible()).as("the bar shows once asked").isTrue();
        assertThat(view.progressText.getText()).startsWith("月度满意度分析报告（" + campaign.name() + "，" + lastMonth + "，PDF）");
        ReportJob asked = view.grid.getListDataView().getItems()
                .filter(job -> SUPERVISOR.subject().equals(job.requestedBy())).findFirst().orElseThrow();
        assertThat(asked.kind()).isEqualTo(ReportKind.MONTHLY_ANALYSIS);
        ReportJob done = pollUntilFinished(view, asked.id());
        assertThat(done.state()).as("failure: %s", done.failure()).isEqualTo(ReportJob.State.DONE);
        assertThat(view.progress.getValue()).isEqualTo(100);
        assertThat(view.progressText.getText()).endsWith("：已完成");
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops once finished").isEqualTo(-1);

        int row = rowOf(view, done.id());
        assertThat(GridKt._getFormattedRow(view.grid, row)).startsWith("月度满意度分析报告", campaign.name(), lastMonth.toString(),
                "PDF", "已完成", "100%");
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("监督员");
        Component actions = GridKt._getCellComponent(view.grid, row, "actions");
        UI.getCurrent().add(actions); // as the grid's renderer attaches it in a browser, which registers the download
        Anchor download = find(actions, Anchor.class);
        assertThat(download.getText()).isEqualTo("下载");
        byte[] file = fetch(download.getHref());
        assertThat(new String(file, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(file).hasSize((int) done.size());

        find(actions, Button.class).click();

        Dialog preview = LocatorJ._get(Dialog.class, spec -> spec.withId("report-preview"));
        assertThat(preview.isOpened()).isTrue();
        Image page = LocatorJ._get(preview, Image.class, spec -> spec.withId("report-preview-image"));
        byte[] png = fetch(page.getSrc());
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void a_manager_is_offered_neither_the_rating_detail_nor_the_county() {
        ReportCenterView view = openAs(MANAGER);

        assertThat(items(view.kind)).isNotEmpty().doesNotContain(ReportKind.RATING_DETAIL);
        assertThat(items(view.kind).stream().map(view.kind.getItemLabelGenerator()::apply)).doesNotContain("评价明细")
                .contains("月度满意度分析报告");
        assertThat(items(view.scope)).isNotEmpty().allSatisfy(scope -> {
            assertThat(scope.campaignCode()).isNotNull();
            assertThat(scope.name()).isNotEqualTo("全县");
        });
    }

    @Test
    void a_manager_is_told_of_the_departments_new_monthly_reports_and_a_supervisor_has_no_inbox() {
        monthly.produceLastMonth(); // under its lock: returns at once if the start-up catch-up holds it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .until(() -> !notices.newestFor(MANAGER).isEmpty());

        ReportCenterView view = openAs(MANAGER);

        String told = notices.newestFor(MANAGER).getFirst().title();
        assertThat(told).startsWith("月度满意度分析报告_").endsWith(".pdf");
        assertThat(view.inbox.getElement().getTextRecursively()).contains("本部门的月度报告已生成", told);
        assertThat(openAs(SUPERVISOR).inbox.getChildren()).as("only managers are told").isEmpty();
    }

    @Test
    void the_rating_detail_comes_in_spreadsheets_only() {
        ReportCenterView view = openAs(SUPERVISOR);
        assertThat(items(view.scope).getFirst().name()).isEqualTo("全县");

        view.kind.setValue(ReportKind.RATING_DETAIL);

        assertThat(items(view.format)).containsExactly(ReportFormat.XLSX, ReportFormat.CSV);
        assertThat(items(view.format).stream().map(view.format.getItemLabelGenerator()::apply))
                .containsExactly("Excel（XLSX）", "CSV");
        assertThat(view.format.getValue()).isEqualTo(ReportFormat.XLSX);

        view.kind.setValue(ReportKind.MONTHLY_ANALYSIS);
        assertThat(items(view.format)).contains(ReportFormat.PDF);
    }

    @Test
    void a_period_ending_before_it_starts_is_refused_in_the_apis_words() {
        ReportCenterView view = openAs(SUPERVISOR);
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        view.from.setValue(lastMonth);
        view.to.setValue(lastMonth.minusMonths(1));

        view.submit.click();

        assertThat(view.message.getText()).startsWith("未能生成：统计期间须为").contains("起始不晚于结束");
        assertThat(view.progress.isVisible()).isFalse();
    }

    @Test
    void the_bar_follows_the_job_while_the_page_polls_and_the_finished_pdf_downloads_and_previews() throws Exception {
        ReportCenter centre = mock(ReportCenter.class);
        AtomicReference<ReportJob> stored = new AtomicReference<>();
        byte[] pdf = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);
        byte[] png = png();
        when(centre.kindsFor(SUPERVISOR)).thenReturn(List.of(ReportKind.values()));
        when(centre.campaignsFor(SUPERVISOR)).thenReturn(List.of());
        when(centre.mayReportCountyWide(SUPERVISOR)).thenReturn(true);
        when(centre.visibleTo(eq(SUPERVISOR), anyInt())).thenAnswer(call -> Stream.ofNullable(stored.get()).toList());
        when(centre.job(SUPERVISOR, "r-1")).thenAnswer(call -> stored.get());
        when(centre.submit(eq(SUPERVISOR), any())).thenAnswer(call -> {
            stored.set(job(call.getArgument(1), ReportJob.State.QUEUED, 0));
            return stored.get();
        });
        when(centre.file(SUPERVISOR, "r-1")).thenReturn(new ReportFile("月度满意度分析报告_全县_2026-10.pdf", "application/pdf",
                pdf.length, () -> new ByteArrayInputStream(pdf)));
        when(centre.previewPng(SUPERVISOR, "r-1")).thenReturn(png);
        ReportCenterView view = openAs(SUPERVISOR, centre);
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).as("nothing to follow yet").isEqualTo(-1);
        view.kind.setValue(ReportKind.MONTHLY_ANALYSIS);
        view.format.setValue(ReportFormat.PDF);

        view.submit.click();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.progress.isIndeterminate()).as("queued").isTrue();
        assertThat(view.progressText.getText()).endsWith("：排队中 0%").startsWith("月度满意度分析报告（全县，");
        assertThat(ui.getPollInterval()).isEqualTo(ReportCenterView.POLL_MILLIS);

        stored.set(progressed(stored.get(), ReportJob.State.RUNNING, 40));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(view.progress.isIndeterminate()).isFalse();
        assertThat(view.progress.getValue()).isEqualTo(40);
        assertThat(view.progressText.getText()).endsWith("：生成中 40%");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("月度满意度分析报告", "全县").contains("生成中", "40%");
        assertThat(ui.getPollInterval()).isEqualTo(ReportCenterView.POLL_MILLIS);

        stored.set(progressed(stored.get(), ReportJob.State.DONE, 100));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(view.progress.getValue()).isEqualTo(100);
        assertThat(view.progressText.getText()).endsWith("：已完成");
        assertThat(ui.getPollInterval()).as("polling stops once finished").isEqualTo(-1);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("已完成", "1,234", "监督员");

        Component actions = GridKt._getCellComponent(view.grid, 0, "actions");
        ui.add(actions); // as the grid's renderer attaches it in a browser, which registers the download
        Anchor download = find(actions, Anchor.class);
        assertThat(download.getText()).isEqualTo("下载");
        assertThat(download.getElement().getAttribute("download")).isNotNull();
        assertThat(fetch(download.getHref())).isEqualTo(pdf);

        find(actions, Button.class).click();
        Dialog preview = LocatorJ._get(Dialog.class, spec -> spec.withId("report-preview"));
        assertThat(preview.isOpened()).isTrue();
        Image page = LocatorJ._get(preview, Image.class, spec -> spec.withId("report-preview-image"));
        assertThat(fetch(page.getSrc())).isEqualTo(png);
    }

    @Test
    void a_scheduled_report_reads_as_such_and_a_failed_one_says_why() {
        ReportCenter centre = mock(ReportCenter.class);
        ReportRequest county = ReportRequest.month(ReportKind.CASE_LEDGER, null, YearMonth.of(2026, 10), ReportFormat.XLSX);
        ReportJob scheduled = progressed(job(county, ReportJob.State.DONE, 100), ReportJob.State.DONE, 100);
        scheduled = new ReportJob("monthly-2026-10-county", scheduled.kind(), null, "2026-10", "2026-10", ReportFormat.XLSX,
                null, null, ReportJob.State.DONE, 100, 12, "f", "整改台账_全县_2026-10.xlsx", 2048, scheduled.createdAt(),
                scheduled.updatedAt(), scheduled.finishedAt(), scheduled.expiresAt(), null);
        ReportJob failed = new ReportJob("r-2", ReportKind.PUBLIC_SUMMARY, null, "2026-09", "2026-10", ReportFormat.CSV,
                SUPERVISOR.subject(), "监督员", ReportJob.State.FAILED, 30, 0, null, "x.csv", 0, scheduled.createdAt(),
                scheduled.updatedAt(), scheduled.finishedAt(), scheduled.expiresAt(), "REPORT_FAILED");
        when(centre.kindsFor(SUPERVISOR)).thenReturn(List.of(ReportKind.values()));
        when(centre.mayReportCountyWide(SUPERVISOR)).thenReturn(true);
        when(centre.visibleTo(eq(SUPERVISOR), anyInt())).thenReturn(List.of(failed, scheduled));

        ReportCenterView view = openAs(SUPERVISOR, centre);

        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("公开版", "全县", "2026-09 至 2026-10", "CSV",
                "失败");
        assertThat(view.grid.getColumnByKey("state").getTooltipGenerator().apply(failed)).isEqualTo("这份报表未能生成，请重新生成。");
        assertThat(GridKt._getFormattedRow(view.grid, 1)).startsWith("整改台账", "全县", "2026-10", "Excel（XLSX）", "已完成")
                .contains("定时生成", "12");
        assertThat(findOrNull(GridKt._getCellComponent(view.grid, 0, "actions"), Anchor.class)).as("nothing to download").isNull();
        assertThat(findOrNull(GridKt._getCellComponent(view.grid, 1, "actions"), Button.class)).as("no preview of a spreadsheet")
                .isNull();
        assertThat(findOrNull(GridKt._getCellComponent(view.grid, 1, "actions"), Anchor.class)).isNotNull();
    }

    @Test
    void coming_back_while_ones_report_runs_follows_it_again() {
        ReportCenter centre = mock(ReportCenter.class);
        ReportRequest request = ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, null, YearMonth.of(2026, 10), ReportFormat.PDF);
        ReportJob running = progressed(job(request, ReportJob.State.QUEUED, 0), ReportJob.State.RUNNING, 60);
        when(centre.kindsFor(SUPERVISOR)).thenReturn(List.of(ReportKind.values()));
        when(centre.mayReportCountyWide(SUPERVISOR)).thenReturn(true);
        when(centre.visibleTo(eq(SUPERVISOR), anyInt())).thenReturn(List.of(running));

        ReportCenterView view = openAs(SUPERVISOR, centre);

        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.progress.getValue()).isEqualTo(60);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ReportCenterView.POLL_MILLIS);
    }

    private static ReportJob job(ReportRequest request, ReportJob.State state, int progress) {
        Instant created = Instant.parse("2026-11-27T01:00:00Z");
        return new ReportJob("r-1", request.kind(), request.campaignCode(), request.from().toString(), request.to().toString(),
                request.format(), SUPERVISOR.subject(), SUPERVISOR.displayName(), state, progress, 0, null,
                "report." + request.format().extension(), 0, created, created, null, created.plus(Duration.ofDays(90)), null);
    }

    private static ReportJob progressed(ReportJob job, ReportJob.State state, int progress) {
        boolean done = state == ReportJob.State.DONE;
        return new ReportJob(job.id(), job.kind(), job.campaignCode(), job.fromMonth(), job.toMonth(), job.format(),
                job.requestedBy(), job.requesterName(), state, progress, done ? 1234 : 0, done ? "file-1" : null, job.fileName(),
                done ? 4096 : 0, job.createdAt(), job.createdAt(), done ? job.createdAt().plusSeconds(5) : null, job.expiresAt(),
                null);
    }

    /** What the browser would receive from a download handler the page registered at {@code url}. */
    private static byte[] fetch(String url) throws IOException {
        VaadinSession session = VaadinSession.getCurrent();
        StreamResourceRegistry.ElementStreamResource resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(url))
                .orElseThrow(() -> new AssertionError("nothing registered at " + url));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(body);
        resource.getElementRequestHandler().handleRequest(mock(VaadinRequest.class), response, session, resource.getOwner());
        return body.toByteArray();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    private ReportCenterView openAs(Actor actor) {
        return openAs(actor, reports);
    }

    private ReportCenterView openAs(Actor actor, ReportCenter centre) {
        CurrentActor current = mock(CurrentActor.class);
        when(current.get()).thenReturn(actor);
        ReportCenterView view = new ReportCenterView(centre, notices, current, labels, problems, clock);
        UI.getCurrent().add(view);
        return view;
    }

    /** Polls as the browser would, every half second, until the job is finished; at most two minutes. */
    private ReportJob pollUntilFinished(ReportCenterView view, String id) throws InterruptedException {
        UI ui = UI.getCurrent();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            assertThat(ui.getPollInterval()).as("polling while the job runs").isEqualTo(ReportCenterView.POLL_MILLIS);
            Thread.sleep(ReportCenterView.POLL_MILLIS);
            ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
            ReportJob job = view.grid.getListDataView().getItems().filter(listed -> listed.id().equals(id)).findFirst()
                    .orElseThrow();
            if (job.finished()) {
                return job;
            }
        }
        throw new AssertionError("report " + id + " did not finish in two minutes");
    }

    private static int rowOf(ReportCenterView view, String id) {
        List<ReportJob> jobs = view.grid.getListDataView().getItems().toList();
        for (int row = 0; row < jobs.size(); row++) {
            if (jobs.get(row).id().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("report " + id + " is not listed");
    }

    private static <T> List<T> items(Select<T> select) {
        return select.getListDataView().getItems().toList();
    }

    private static <C extends Component> C find(Component root, Class<C> type) {
        if (type.isInstance(root)) {
            return type.cast(root);
        }
        return root.getChildren().map(child -> findOrNull(child, type)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + root));
    }

    private static <C extends Component> C findOrNull(Component root, Class<C> type) {
        if (type.isInstance(root)) {
            return type.cast(root);
        }
        return root.getChildren().map(child -> findOrNull(child, type)).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }
}
