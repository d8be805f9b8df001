package org.haochaping.admin.report.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.haochaping.campaign.Campaign;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.report.ReportCenter;
import org.haochaping.report.ReportFile;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.ReportJob;
import org.haochaping.report.ReportKind;
import org.haochaping.report.ReportNotices;
import org.haochaping.report.ReportRequest;
import org.haochaping.system.Figures;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * 报表中心: an official asks for a report (kind, scope, months, format) and watches its progress
 * while the page polls; below, the reports they may see, their own and the monthly scheduled ones,
 * newest first, with a download link once done and a preview of a PDF's first page. The backend's
 * {@link ReportCenter} decides who may ask for what; a refusal reads as the API words it.
 */
@Route("reports")
@PageTitle("报表中心 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class ReportCenterView extends VerticalLayout {

    /** How many months back an official may pick from. */
    static final int MONTHS = 24;
    /** How often the page asks for its jobs' progress while one is running. */
    static final int POLL_MILLIS = 500;
    /** How many reports the list shows. */
    static final int LISTED = 100;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    final Select<ReportKind> kind = new Select<>();
    final Select<Scope> scope = new Select<>();
    final Select<YearMonth> from = new Select<>();
    final Select<YearMonth> to = new Select<>();
    final Select<ReportFormat> format = new Select<>();
    final Button submit = new Button("生成报表");
    final Div message = new Div();
    static final int INBOX_SHOWN = 5;

    final ProgressBar progress = new ProgressBar(0, 100);
    final Span progressText = new Span();
    final Grid<ReportJob> grid = new Grid<>();

    private final ReportCenter reports;
    private final Labels labels;
    private final Problems problems;
    private final Actor actor;
    private final ZoneId zone;
    private final Map<String, String> campaignNames = new HashMap<>();
    /** The jobs asked for on this page, oldest first: the bar follows the last one; polling lasts while any runs. */
    private final Set<String> submitted = new LinkedHashSet<>();
    private @Nullable Registration polling;
    /** Whether a job asked for on this page is still queued or running. */
    private boolean running;

    /** A MANAGER's notices of their department's new monthly reports; absent when there are none. */
    final Div inbox = new Div();

    public ReportCenterView(ReportCenter reports, ReportNotices notices, CurrentActor currentActor, Labels labels,
            Problems problems, Clock clock) {
        this.reports = reports;
        this.labels = labels;
        this.problems = problems;
        this.actor = currentActor.get();
        this.zone = clock.getZone();
        setWidthFull();
        configureForm(YearMonth.now(clock));
        configureProgress();
        configureGrid();
        add(new H2("报表中心"),
                new Paragraph("按月生成满意度分析报告、评价明细、整改台账和公开版；每月初系统自动生成上月报告。报表保留至到期时间，届时自动删除。"),
                form(), message, progressBox());
        showInbox(notices.newestFor(actor));
        add(new H3("报表列表"), grid);
        followOwnUnfinished();
        refresh();
    }

    /** The newest few notices, each with when it came: the managers' inbox of the monthly schedule. */
    private void showInbox(List<ReportNotices.Notice> newest) {
        if (newest.isEmpty()) {
            return;
        }
        inbox.setId("report-inbox");
        inbox.add(new H3("新报告通知"));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        newest.stream().limit(INBOX_SHOWN).forEach(notice -> inbox.add(
                new Paragraph(time.format(notice.at()) + "　本部门的月度报告已生成：" + notice.title())));
        add(inbox);
    }

    /** A report's scope: one campaign, or the county when {@code campaignCode} is null. */
    record Scope(@Nullable String campaignCode, String name) {
    }

    private void configureForm(YearMonth thisMonth) {
        List<ReportKind> kinds = reports.kindsFor(actor);
        kind.setLabel("报表类型");
        kind.setId("report-kind");
        kind.setItems(kinds);
        kind.setItemLabelGenerator(labels::of);
        kind.setWidth("14em");
        kind.addValueChangeListener(change -> offerFormats(change.getValue()));

        List<Campaign> campaigns = reports.campaignsFor(actor);
        campaigns.forEach(campaign -> campaignNames.put(campaign.getCode(), campaign.getName().zh()));
        List<Scope> scopes = Stream.concat(
                reports.mayReportCountyWide(actor) ? Stream.of(new Scope(null, "全县")) : Stream.empty(),
                campaigns.stream().map(campaign -> new Scope(campaign.getCode(), campaign.getName().zh()))).toList();
        scope.setLabel("范围");
        scope.setId("report-scope");
        scope.setItems(scopes);
        scope.setItemLabelGenerator(Scope::name);
        scope.setWidth("18em");
        if (!scopes.isEmpty()) {
            scope.setValue(scopes.getFirst());
        }

        List<YearMonth> months = Stream.iterate(thisMonth, month -> month.minusMonths(1)).limit(MONTHS).toList();
        for (Select<YearMonth> month : List.of(from, to)) {
            month.setItems(months);
            month.setItemLabelGenerator(MONTH::format);
            month.setValue(thisMonth.minusMonths(1));
        }
        from.setLabel("期间：自");
        from.setId("report-from");
        to.setLabel("至");
        to.setId("report-to");

        format.setLabel("格式");
        format.setId("report-format");
        format.setItemLabelGenerator(labels::of);

        submit.setId("report-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        if (kinds.isEmpty() || scopes.isEmpty()) {
            submit.setEnabled(false);
            message.setText("您的角色不能生成报表，可在下方查看和下载定时生成的报表。");
        } else {
            kind.setValue(kinds.getFirst());
        }
        message.setId("report-message");
        message.getElement().setAttribute("aria-live", "polite");
    }

    /** The formats the kind comes in, keeping the one chosen when the new kind offers it too, else PDF, else the first. */
    private void offerFormats(@Nullable ReportKind chosen) {
        ReportFormat previous = format.getValue();
        List<ReportFormat> offered = chosen == null ? List.of()
                : Stream.of(ReportFormat.values()).filter(chosen::offers).toList();
        format.setItems(offered);
        if (previous != null && offered.contains(previous)) {
            format.setValue(previous);
        } else if (offered.contains(ReportFormat.PDF)) {
            format.setValue(ReportFormat.PDF);
        } else if (!offered.isEmpty()) {
            format.setValue(offered.getFirst());
        }
    }

    private HorizontalLayout form() {
        HorizontalLayout form = new HorizontalLayout(kind, scope, from, to, format, submit);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        form.setId("report-form");
        return form;
    }

    private void configureProgress() {
        progress.setId("report-progress");
        progressText.setId("report-progress-text");
        progress.setVisible(false);
        progressText.setVisible(false);
    }

    private VerticalLayout progressBox() {
        VerticalLayout box = new VerticalLayout(progressText, progress);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidth("min(100%, 36rem)");
        return box;
    }

    private void configureGrid() {
        grid.setId("report-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(job -> labels.of(job.kind())).setHeader("类型").setKey("kind").setFlexGrow(2);
        grid.addColumn(this::scopeName).setHeader("范围").setKey("scope").setFlexGrow(3);
        grid.addColumn(ReportCenterView::period).setHeader("期间").setKey("period").setFlexGrow(2);
        grid.addColumn(job -> labels.of(job.format())).setHeader("格式").setKey("format");
        grid.addColumn(job -> labels.of(job.state())).setHeader("状态").setKey("state")
                .setTooltipGenerator(job -> job.state() == ReportJob.State.FAILED ? failure(job) : "");
        grid.addColumn(job -> job.state() == ReportJob.State.FAILED ? "" : job.progress() + "%").setHeader("进度").setKey("progress").setFlexGrow(0).setWidth("5em");
        grid.addColumn(job -> job.state() == ReportJob.State.DONE ? Figures.count(job.rows()) : "").setHeader("行数").setKey("rows");
        grid.addColumn(this::requester).setHeader("申请人").setKey("requester").setFlexGrow(2);
        grid.addColumn(job -> time(job.createdAt())).setHeader("创建时间").setKey("created").setFlexGrow(2);
        grid.addColumn(job -> time(job.expiresAt())).setHeader("到期时间").setKey("expires").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("操作").setKey("actions").setFlexGrow(2);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        polling = attach.getUI().addPollListener(poll -> refresh());
        follow(attach.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
        super.onDetach(detach);
    }

    private void submit() {
        message.setText("");
        if (kind.getValue() == null || scope.getValue() == null || from.getValue() == null || to.getValue() == null
                || format.getValue() == null) {
            message.setText("请选择报表类型、范围、期间和格式。");
            return;
        }
        try {
            ReportJob job = reports.submit(actor, new ReportRequest(kind.getValue(), scope.getValue().campaignCode(),
                    from.getValue(), to.getValue(), format.getValue()));
            submitted.add(job.id());
            message.setText("已提交：" + describe(job) + "。生成后可在下方列表下载。");
            refresh();
        } catch (ProblemException refused) {
            message.setText("未能生成：" + explanation(refused));
            Notification.show("未能生成：" + explanation(refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Coming back to the page while a report of one's own is still being made follows it again. */
    private void followOwnUnfinished() {
        reports.visibleTo(actor, LISTED).stream()
                .filter(job -> actor.subject().equals(job.requestedBy()) && !job.finished())
                .sorted(Comparator.comparing(ReportJob::createdAt))
                .forEach(job -> submitted.add(job.id()));
    }

    /** Reads the jobs again: the list, the bar of the last job asked for here, and whether to keep polling. */
    void refresh() {
        List<ReportJob> jobs = reports.visibleTo(actor, LISTED);
        grid.setItems(jobs);
        Map<String, ReportJob> byId = new HashMap<>();
        jobs.forEach(job -> byId.put(job.id(), job));
        submitted.stream().filter(id -> !byId.containsKey(id)).toList().forEach(id -> {
            try {
                byId.put(id, reports.job(actor, id));
            } catch (ProblemException gone) {
                submitted.remove(id);
            }
        });
        String last = submitted.stream().reduce((first, second) -> second).orElse(null);
        if (last != null) {
            show(byId.get(last));
        }
        running = submitted.stream().anyMatch(id -> !byId.get(id).finished());
        submitted.removeIf(id -> byId.get(id).finished() && !id.equals(last));
        getUI().ifPresent(this::follow);
    }

    /** Polls while a job asked for on this page is still queued or running. */
    private void follow(UI ui) {
        ui.setPollInterval(running ? POLL_MILLIS : -1);
    }

    private void show(ReportJob job) {
        progress.setVisible(true);
        progressText.setVisible(true);
        progress.setValue(job.progress());
        progress.setIndeterminate(job.state() == ReportJob.State.QUEUED);
        progressText.setText(describe(job) + "：" + state(job)
                + (job.finished() ? "" : " " + job.progress() + "%"));
    }

    private String describe(ReportJob job) {
        return labels.of(job.kind()) + "（" + scopeName(job) + "，" + period(job) + "，" + labels.of(job.format()) + "）";
    }

    private String scopeName(ReportJob job) {
        return job.campaignCode() == null ? "全县" : campaignNames.getOrDefault(job.campaignCode(), job.campaignCode());
    }

    private static String period(ReportJob job) {
        return job.fromMonth().equals(job.toMonth()) ? job.fromMonth() : job.fromMonth() + " 至 " + job.toMonth();
    }

    /** A job's state, and for a failed one why, as the API's problem detail words it. */
    private String state(ReportJob job) {
        return job.state() == ReportJob.State.FAILED ? labels.of(job.state()) + "：" + failure(job) : labels.of(job.state());
    }

    private String failure(ReportJob job) {
        String code = job.failure() == null ? "REPORT_FAILED" : job.failure();
        for (String key : List.of("problem." + code + ".detail", "problem." + code + ".title")) {
            String words = labels.text(key);
            if (!words.equals(key)) {
                return words;
            }
        }
        return code;
    }

    private String requester(ReportJob job) {
        if (job.scheduled()) {
            return "定时生成";
        }
        return job.requesterName() != null ? job.requesterName() : String.valueOf(job.requestedBy());
    }

    private String time(@Nullable Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    private Component actions(ReportJob job) {
        if (job.state() != ReportJob.State.DONE) {
            return new Span();
        }
        Anchor download = new Anchor(downloadOf(job), AttachmentType.DOWNLOAD, "下载");
        download.setId("download-" + job.id());
        download.getElement().setAttribute("title", job.fileName() + "（" + size(job.size()) + "）");
        HorizontalLayout actions = new HorizontalLayout(download);
        actions.setAlignItems(Alignment.CENTER);
        if (job.format() == ReportFormat.PDF) {
            Button preview = new Button("预览", click -> preview(job));
            preview.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            preview.setId("preview-" + job.id());
            actions.add(preview);
        }
        return actions;
    }

    /** Streams the stored file when the official clicks, so the download (and its audit entry) happens then. */
    private DownloadHandler downloadOf(ReportJob job) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                ReportFile file = reports.file(actor, job.id());
                return new DownloadResponse(file.content().open(), file.fileName(), file.contentType(), file.size());
            } catch (ProblemException refused) {
                return DownloadResponse.error(refused.status().value(), explanation(refused));
            }
        });
    }

    /** The first page of a finished PDF in a dialog. */
    void preview(ReportJob job) {
        byte[] png;
        try {
            png = reports.previewPng(actor, job.id());
        } catch (ProblemException refused) {
            Notification.show("无法预览：" + explanation(refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Image page = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), job.id() + "-preview.png", "image/png", png.length)),
                describe(job) + " 第 1 页");
        page.setId("report-preview-image");
        page.setWidthFull();
        page.addClassNames(LumoUtility.BoxShadow.SMALL);
        Dialog dialog = new Dialog(page);
        dialog.setId("report-preview");
        dialog.setHeaderTitle(describe(job) + " · 第 1 页");
        dialog.setWidth("min(95vw, 60rem)");
        Button close = new Button("关闭", click -> dialog.close());
        close.setId("report-preview-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** A refusal in the words the API uses for it, in Chinese. */
    private String explanation(ProblemException refused) {
        ProblemDetail problem = problems.of(refused.status(), refused.code(), Labels.CHINESE, refused.detailArguments());
        return problem.getDetail() != null ? problem.getDetail() : String.valueOf(problem.getTitle());
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
