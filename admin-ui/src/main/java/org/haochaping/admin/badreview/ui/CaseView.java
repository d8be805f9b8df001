package org.haochaping.admin.badreview.ui;

import org.haochaping.badreview.UnitNames;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.haochaping.badreview.Appeal;
import org.haochaping.badreview.AppealReason;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseAccess;
import org.haochaping.badreview.CaseEvent;
import org.haochaping.badreview.CaseOutcome;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.Disposition;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.badreview.DispositionRequest;
import org.haochaping.badreview.Escalation;
import org.haochaping.badreview.Finding;
import org.haochaping.badreview.Rectification;
import org.haochaping.badreview.Unit;
import org.haochaping.badreview.Verdict;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.Rating;
import org.haochaping.region.RegionTree;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * One 差评工单: the rating with its reasons, comment and photos; the deadlines; what the unit did;
 * the timeline; and only the actions the official's role allows on the case as it stands
 * ({@link CaseAccess}): 回访核实, the disposition, 整改完成 with evidence, 转办, 申诉, and the
 * decision on an appeal. The services check every action again, with the version the page showed:
 * when someone else acted first, the official reads why and sees the case as it now is.
 */
@Route("cases/:id")
@PageTitle("差评工单详情 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class CaseView extends VerticalLayout implements BeforeEnterObserver {

    private final BadReviewHandling handling;
    private final CaseAccess access;
    private final CaseLabels labels;
    private final UnitNames units;
    private final CampaignCatalog campaigns;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final EvidencePhotos photos;
    private final WorkingDays days;
    private final Actor actor;
    private final Clock clock;
    /** Evidence photos uploaded on this page and not removed again: file name → photo id. */
    final Map<String, String> evidencePhotos = new LinkedHashMap<>();
    @Nullable BadReviewCase shown;

    public CaseView(BadReviewHandling handling, CaseAccess access, CaseLabels labels,
            UnitNames units, CampaignCatalog campaigns, SubjectCatalog subjects, RegionTree regions,
            HolidayCalendar calendar, EvidencePhotos photos, CurrentActor currentActor, Clock clock) {
        this.handling = handling;
        this.access = access;
        this.labels = labels;
        this.units = units;
        this.campaigns = campaigns;
        this.subjects = subjects;
        this.regions = regions;
        this.photos = photos;
        this.days = calendar.workingDays();
        this.actor = currentActor.get();
        this.clock = clock;
        setWidthFull();
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        add(new RouterLink("← 返回差评工单", CaseQueueView.class));
        BadReviewCase c;
        Rating rating;
        try {
            c = handling.get(actor, id);
            rating = handling.ratingOf(actor, id);
        } catch (ProblemException refused) {
            Paragraph why = new Paragraph(labels.problem(refused));
            why.setId("case-refused");
            add(new H2(refused.status() == HttpStatus.FORBIDDEN ? "无权查看此工单" : "工单不存在"), why);
            return;
        }
        shown = c;
        show(c, rating);
    }

    private void show(BadReviewCase c, Rating rating) {
        Campaign campaign = campaigns.get(c.getCampaignCode());
        Span status = CaseRows.badge(labels.status(c.getStatus()), c.getStatus().isOpen() ? "primary" : "success");
        status.setId("case-status");
        HorizontalLayout title = new HorizontalLayout(new H2("差评工单 · " + campaign.getName().zh()), status);
        title.setAlignItems(Alignment.CENTER);
        title.setWrap(true);
        flags(c).forEach(title::add);
        add(title);

        FlexLayout top = new FlexLayout(section("群众评价", ratingDetails(c, rating, campaign)), section("办理时限", deadlines(c)));
        top.setWidthFull();
        top.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        top.addClassNames(LumoUtility.Gap.LARGE);
        add(top);

        Component handled = handledSoFar(c);
        if (handled != null) {
            add(new H3("办理情况"), handled);
        }
        VerticalLayout actions = actions(c);
        if (actions.getComponentCount() > 0) {
            actions.setId("case-actions");
            add(new H3("办理"), actions);
        }
        add(new H3("办理过程"), timeline(c));
    }

    private List<Span> flags(BadReviewCase c) {
        List<Span> flags = new java.util.ArrayList<>();
        Instant now = clock.instant();
        if (c.getDueAt() != null && !c.isOverdue() && days.isDueSoon(now, c.getDueAt())) {
            flags.add(CaseRows.badge(labels.flag("DUE_SOON"), "warning"));
        }
        if (c.isOverdue()) {
            flags.add(CaseRows.badge(labels.flag("OVERDUE"), "error"));
        }
        if (c.isSupervised() || c.getEscalation() != Escalation.NONE) {
            flags.add(CaseRows.badge(labels.flag("SUPERVISED"), "error primary"));
        }
        if (c.getAppeal() != null && c.getAppeal().isPending()) {
            flags.add(CaseRows.badge(labels.flag("APPEAL_PENDING"), "contrast"));
        }
        return flags;
    }

    private static VerticalLayout section(String title, Component content) {
        VerticalLayout section = new VerticalLayout(new H3(title), content);
        section.setPadding(false);
        section.setWidth("min(100%, 34rem)");
        return section;
    }

    // ---- what the resident said -------------------------------------------------------------

    private Div ratingDetails(BadReviewCase c, Rating rating, Campaign campaign) {
        Div details = new Div();
        details.setId("case-rating");
        Span level = CaseRows.badge(labels.level(rating.level()), "error");
        level.setId("case-level");
        details.add(line("评价等级", level));
        details.add(line("评价对象", new Span(subjectName(c))));
        details.add(line("所在地", new Span(placeName(c))));
        List<ReasonTag> reasons = campaign.getRatingForm().badReasons();
        String reasonText = rating.reasonTags().isEmpty() ? "未选择"
                : String.join("、", rating.reasonTags().stream().map(code -> reasons.stream()
                        .filter(tag -> tag.code().equals(code)).map(tag -> tag.label().zh()).findFirst().orElse(code)).toList());
        Span reasonSpan = new Span(reasonText);
        reasonSpan.setId("case-reasons");
        details.add(line("差评原因", reasonSpan));
        Span comment = new Span(rating.comment() == null || rating.comment().isBlank() ? "（未填写）" : rating.comment());
        comment.setId("case-comment");
        details.add(line("评价内容", comment));
        rating.followUps().forEach(followUp -> details.add(line("追评 " + Deadlines.at(followUp.at(), days), new Span(followUp.comment()))));
        details.add(line("提交时间", new Span(Deadlines.at(rating.submittedAt(), days))));
        if (!rating.photoIds().isEmpty()) {
            details.add(line("照片", photoStrip("rating-photos", rating.photoIds(), "群众上传的照片")));
        }
        return details;
    }

    private String subjectName(BadReviewCase c) {
        return c.getSubjectId() == null ? "全县整体评价"
                : subjects.find(c.getCampaignCode(), c.getSubjectId()).map(subject -> subject.name().zh()).orElse(c.getSubjectId());
    }

    private String placeName(BadReviewCase c) {
        return regions.find(c.getRegionCode()).map(region -> region.name().zh()).orElse(c.getRegionCode());
    }

    private FlexLayout photoStrip(String id, List<String> ids, String alt) {
        FlexLayout strip = new FlexLayout();
        strip.setId(id);
        strip.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        strip.addClassNames(LumoUtility.Gap.SMALL);
        for (String photoId : ids) {
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                try {
                    PhotoLibrary.PhotoContent photo = photos.open(actor, photoId);
                    return new DownloadResponse(photo.bytes(), "photo-" + photoId, photo.contentType(), photo.size());
                } catch (ProblemException refused) {
                    return DownloadResponse.error(refused.status().value());
                }
            }), alt);
            image.setWidth("160px");
            image.setHeight("120px");
            image.getStyle().set("object-fit", "cover").set("border-radius", "var(--lumo-border-radius-m)");
            image.addClassName("case-photo");
            strip.add(image);
        }
        return strip;
    }

    private static Div line(String label, Component value) {
        Span name = new Span(label);
        name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        name.setWidth("6rem");
        name.getStyle().set("flex", "none");
        Div line = new Div(name, value);
        line.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.Padding.Vertical.XSMALL);
        return line;
    }

    // ---- deadlines ----------------------------------------------------------------------------

    private Div deadlines(BadReviewCase c) {
        Instant now = clock.instant();
        Div deadlines = new Div();
        deadlines.setId("case-deadlines");
        Span unit = new Span(units.zh(c.getUnit()));
        unit.setId("case-unit");
        deadlines.add(line("承办单位", unit));
        deadlines.add(line("差评时间", new Span(Deadlines.at(c.getOpenedAt(), days))));
        if (c.getStatus() != CaseStatus.AWAITING_CONTACT) {
            deadlines.add(line("回访时限", new Span(Deadlines.when(c.getContactDueAt(), days))));
        }
        if (c.getDueAt() != null) {
            Span due = new Span(Deadlines.of(c.getDueAt(), now, days));
            due.setId("case-due");
            deadlines.add(line(c.getStatus() == CaseStatus.AWAITING_CONTACT ? "回访时限" : "办理时限", due));
        }
        if (c.getRerateBy() != null) {
            deadlines.add(line("复评截止", new Span(Deadlines.at(c.getRerateBy(), days) + "（逾期未复评按“未复评”办结）")));
        }
        if (c.getEscalation() != Escalation.NONE) {
            deadlines.add(line("提级", new Span(labels.escalation(c.getEscalation()))));
        }
        if (c.getOutcome() != null) {
            Span outcome = new Span(labels.outcome(c.getOutcome()) + (c.getClosedAt() == null ? ""
                    : "（" + Deadlines.at(c.getClosedAt(), days) + " 办结）"));
            outcome.setId("case-outcome");
            deadlines.add(line("办结结果", outcome));
        }
        if (c.getHandledOnTime() != null) {
            deadlines.add(line("按期办结", new Span(c.getHandledOnTime() ? "是" : "否")));
        }
        return deadlines;
    }

    // ---- what the unit did so far -------------------------------------------------------------

    private @Nullable Component handledSoFar(BadReviewCase c) {
        Div done = new Div();
        done.setId("case-handled");
        Contact contact = c.getContact();
        if (contact != null) {
            done.add(line("回访核实", new Span(Deadlines.at(contact.at(), days) + " · " + labels.method(contact.method())
                    + " · " + labels.finding(contact.finding()) + (contact.note().isBlank() ? "" : " · " + contact.note()))));
        }
        Disposition disposition = c.getDisposition();
        if (disposition != null) {
            String text = labels.disposition(disposition.kind());
            if (disposition.plan() != null) {
                text += " · 整改方案：" + disposition.plan();
            }
            if (disposition.explanation() != null) {
                text += " · 解释说明：" + disposition.explanation();
            }
            if (disposition.dueAt() != null) {
                text += " · 整改期限：" + Deadlines.when(disposition.dueAt(), days);
            }
            done.add(line("处理方式", new Span(text)));
        }
        Rectification rectification = c.getRectification();
        if (rectification != null) {
            Span evidence = new Span(Deadlines.at(rectification.at(), days) + " · " + rectification.evidence());
            evidence.setId("case-evidence");
            done.add(line("整改完成", evidence));
            if (!rectification.photoIds().isEmpty()) {
                done.add(line("整改照片", photoStrip("evidence-photos", rectification.photoIds(), "整改佐证照片")));
            }
        }
        c.getReratings().forEach(rerating -> done.add(line("群众复评",
                new Span(Deadlines.at(rerating.at(), days) + " · " + labels.verdict(rerating.verdict())))));
        Appeal appeal = c.getAppeal();
        if (appeal != null) {
            String text = labels.appealReason(appeal.reason()) + " · " + appeal.evidence() + " · 提出人 " + appeal.filedBy()
                    + " · " + labels.appealState(appeal.state());
            if (appeal.decidedBy() != null) {
                text += "（" + appeal.decidedBy() + (appeal.decisionNote() == null || appeal.decisionNote().isBlank()
                        ? "" : "：" + appeal.decisionNote()) + "）";
            }
            Span appealText = new Span(text);
            appealText.setId("case-appeal");
            done.add(line("申诉", appealText));
        }
        return done.getComponentCount() == 0 ? null : done;
    }

    // ---- the timeline -------------------------------------------------------------------------

    private Grid<CaseEvent> timeline(BadReviewCase c) {
        Grid<CaseEvent> timeline = new Grid<>();
        timeline.setId("case-timeline");
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        timeline.setAllRowsVisible(true);
        timeline.addColumn(event -> Deadlines.at(event.at(), days)).setHeader("时间").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(event -> labels.event(event.type())).setHeader("环节").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(event -> units.zh(event.unit())).setHeader("承办单位").setAutoWidth(true);
        timeline.addColumn(event -> who(event.actor())).setHeader("经办").setAutoWidth(true);
        timeline.addColumn(this::note).setHeader("说明").setFlexGrow(3);
        timeline.setItems(c.getEvents());
        return timeline;
    }

    private static String who(@Nullable String actor) {
        if (actor == null || actor.equals("system")) {
            return "系统";
        }
        return actor.equals("resident") ? "群众" : actor;
    }

    /** An event's note: a verdict, reason, escalation or outcome in words, else the text the official wrote. */
    private String note(CaseEvent event) {
        String note = event.note();
        if (note == null) {
            return "";
        }
        return switch (event.type()) {
            case RERATED -> named(Verdict.class, note, labels::verdict);
            case APPEAL_FILED -> named(AppealReason.class, note, labels::appealReason);
            case ESCALATED -> named(Escalation.class, note, labels::escalation);
            case CLOSED -> named(CaseOutcome.class, note, labels::outcome);
            default -> note;
        };
    }

    private static <E extends Enum<E>> String named(Class<E> type, String name, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst()
                .map(label).orElse(name);
    }

    // ---- actions ------------------------------------------------------------------------------

    private VerticalLayout actions(BadReviewCase c) {
        VerticalLayout actions = new VerticalLayout();
        actions.setPadding(false);
        if (!c.getStatus().isOpen()) {
            return actions;
        }
        boolean handles = access.canHandle(actor, c);
        if (handles) {
            switch (c.getStatus()) {
                case AWAITING_CONTACT -> actions.add(contactForm(c));
                case AWAITING_DISPOSITION -> actions.add(dispositionForm(c));
                case RECTIFYING -> actions.add(rectificationForm(c));
                case AWAITING_RERATING -> actions.add(new Paragraph("已请群众复评，等待群众对整改结果作出评价。"));
                case CLOSED -> { }
            }
        }
        if (access.canReassign(actor, c)) {
            actions.add(reassignForm(c));
        }
        if (actor.has(Role.HANDLER) && handles && c.getAppeal() == null) {
            actions.add(appealForm(c));
        }
        Appeal appeal = c.getAppeal();
        if (appeal != null && appeal.isPending() && access.canDecideAppeals(actor)) {
            if (appeal.filedBy().equals(actor.subject())) {
                actions.add(new Paragraph("此申诉由您提出，须由其他监督员复核。"));
            } else {
                actions.add(decisionForm(c));
            }
        }
        return actions;
    }

    private FormLayout form(String id) {
        FormLayout form = new FormLayout();
        form.setId(id);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        form.setWidthFull();
        return form;
    }

    private Component contactForm(BadReviewCase c) {
        DateTimePicker at = new DateTimePicker("回访时间");
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), days.zone()).withSecond(0).withNano(0);
        at.setValue(now);
        at.setMax(now);
        at.setMin(LocalDateTime.ofInstant(c.getOpenedAt(), days.zone()).withSecond(0).withNano(0));
        at.setId("contact-at");
        RadioButtonGroup<ContactMethod> method = new RadioButtonGroup<>("回访方式");
        method.setItems(ContactMethod.values());
        method.setItemLabelGenerator(labels::method);
        method.setId("contact-method");
        RadioButtonGroup<Finding> finding = new RadioButtonGroup<>("核实结果");
        finding.setItems(Finding.values());
        finding.setItemLabelGenerator(labels::finding);
        finding.setId("contact-finding");
        TextArea note = new TextArea("回访记录");
        note.setMaxLength(1000);
        note.setId("contact-note");
        Button submit = new Button("提交回访核实", click -> {
            if (at.getValue() == null || method.getValue() == null || finding.getValue() == null) {
                warn("请填写回访时间，选择回访方式和核实结果。");
                return;
            }
            Instant when = at.getValue().atZone(days.zone()).toInstant();
            if (when.isBefore(c.getOpenedAt()) && when.plusSeconds(60).isAfter(c.getOpenedAt())) {
                when = c.getOpenedAt(); // the picker counts minutes: the minute the case opened means from its opening
            }
            Instant contacted = when;
            act("回访核实已记录", () -> handling.recordContact(actor, c.getId(), c.getVersion(),
                    new Contact(contacted, method.getValue(), finding.getValue(), note.getValue().strip())));
        });
        submit.setId("submit-contact");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = form("contact-form");
        form.add(new H3("回访核实"), 2);
        form.add(at, method, finding);
        form.add(note, 2);
        form.add(submit);
        return form;
    }

    private Component dispositionForm(BadReviewCase c) {
        RadioButtonGroup<DispositionKind> kind = new RadioButtonGroup<>("处理方式");
        kind.setItems(DispositionKind.values());
        kind.setItemLabelGenerator(labels::disposition);
        kind.setId("disposition-kind");
        TextArea plan = new TextArea("整改方案（群众可见）");
        plan.setMaxLength(1000);
        plan.setId("disposition-plan");
        DatePicker due = new DatePicker("整改期限（不填则按最长期限）");
        due.setMin(LocalDate.now(clock.withZone(days.zone())));
        due.setId("disposition-due");
        TextArea explanation = new TextArea("解释说明（群众可见）");
        explanation.setMaxLength(1000);
        explanation.setId("disposition-explanation");
        plan.setVisible(false);
        due.setVisible(false);
        explanation.setVisible(false);
        kind.addValueChangeListener(change -> {
            plan.setVisible(change.getValue() == DispositionKind.SCHEDULED);
            due.setVisible(change.getValue() == DispositionKind.SCHEDULED);
            explanation.setVisible(change.getValue() == DispositionKind.EXPLANATION);
        });
        Button submit = new Button("确定处理方式", click -> {
            DispositionKind chosen = kind.getValue();
            if (chosen == null) {
                warn("请选择处理方式。");
                return;
            }
            DispositionRequest request = switch (chosen) {
                case IMMEDIATE -> new DispositionRequest(chosen, null, null, null);
                case SCHEDULED -> new DispositionRequest(chosen, plan.getValue().strip(), null, due.getValue());
                case EXPLANATION -> new DispositionRequest(chosen, null, explanation.getValue().strip(), null);
            };
            act("处理方式已确定：" + labels.disposition(chosen), () -> handling.dispose(actor, c.getId(), c.getVersion(), request));
        });
        submit.setId("submit-disposition");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = form("disposition-form");
        form.add(new H3("确定处理方式"), 2);
        form.add(kind, 2);
        form.add(plan, due, explanation);
        form.add(submit);
        return form;
    }

    private Component rectificationForm(BadReviewCase c) {
        TextArea evidence = new TextArea("整改情况（群众可见）");
        evidence.setMaxLength(1000);
        evidence.setId("rectification-evidence");
        Upload upload = new Upload();
        upload.setId("rectification-photos");
        upload.setMaxFiles(Rectification.MAX_PHOTOS);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setI18n(uploadI18n());
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                evidencePhotos.put(metadata.fileName(), photos.store(actor, bytes));
            } catch (ProblemException refused) {
                fail("照片未能上传：" + labels.problem(refused));
            }
        }));
        upload.addFileRemovedListener(removed -> evidencePhotos.remove(removed.getFileName()));
        upload.addFileRejectedListener(rejected -> warn(rejected.getErrorMessage()));
        Button submit = new Button("整改完成", click -> {
            if (evidence.getValue().isBlank()) {
                warn("请填写整改情况。");
                return;
            }
            List<String> ids = List.copyOf(evidencePhotos.values());
            act("整改完成，已请群众复评",
                    () -> handling.completeRectification(actor, c.getId(), c.getVersion(), evidence.getValue().strip(), ids));
        });
        submit.setId("submit-rectification");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = form("rectification-form");
        form.add(new H3("整改完成"), 2);
        form.add(evidence, 2);
        Span hint = new Span("佐证照片（最多 " + Rectification.MAX_PHOTOS + " 张，会去除位置等元数据）");
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        form.add(new Div(hint, upload), 2);
        form.add(submit);
        return form;
    }

    private static UploadI18N uploadI18n() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne("上传照片…").setMany("上传照片…"))
                .setDropFiles(new UploadI18N.DropFiles().setOne("将照片拖到此处").setMany("将照片拖到此处"))
                .setError(new UploadI18N.Error().setTooManyFiles("照片过多，最多 " + Rectification.MAX_PHOTOS + " 张。")
                        .setFileIsTooBig("照片过大，不能超过 5 MB。").setIncorrectFileType("只能上传 JPEG、PNG 或 WebP 照片。"))
                .setUnits(List.of("B", "kB", "MB", "GB"));
    }

    private Component reassignForm(BadReviewCase c) {
        Select<Unit> to = new Select<>();
        to.setLabel("转办至");
        to.setItems(units.all().stream().filter(unit -> !unit.equals(c.getUnit())).toList());
        to.setItemLabelGenerator(units::zh);
        to.setId("reassign-to");
        TextField reason = new TextField("转办理由");
        reason.setMaxLength(500);
        reason.setId("reassign-reason");
        Button submit = new Button("转办", click -> {
            if (to.getValue() == null || reason.getValue().isBlank()) {
                warn("请选择承办单位并填写转办理由。");
                return;
            }
            act("已转办至" + units.zh(to.getValue()),
                    () -> handling.reassign(actor, c.getId(), c.getVersion(), to.getValue(), reason.getValue().strip()));
        });
        submit.setId("submit-reassign");
        FormLayout form = form("reassign-form");
        form.add(new H3("转办"), 2);
        form.add(to, reason);
        form.add(submit);
        return form;
    }

    private Component appealForm(BadReviewCase c) {
        Select<AppealReason> reason = new Select<>();
        reason.setLabel("申诉理由");
        reason.setItems(AppealReason.values());
        reason.setItemLabelGenerator(labels::appealReason);
        reason.setId("appeal-reason");
        TextArea evidence = new TextArea("申诉依据");
        evidence.setMaxLength(1000);
        evidence.setId("appeal-evidence");
        Button submit = new Button("提出申诉", click -> {
            if (reason.getValue() == null || evidence.getValue().isBlank()) {
                warn("请选择申诉理由并填写申诉依据。");
                return;
            }
            act("申诉已提交，等待监督员复核",
                    () -> handling.fileAppeal(actor, c.getId(), c.getVersion(), reason.getValue(), evidence.getValue().strip(), List.of()));
        });
        submit.setId("submit-appeal");
        FormLayout form = form("appeal-form");
        form.add(new H3("申诉"), 2);
        Span hint = new Span("认为差评属恶意、误评或不属于政务服务事项时，可申诉一次，由监督员复核；复核期间办理时限照常计算。");
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        form.add(hint, 2);
        form.add(reason);
        form.add(evidence, 2);
        form.add(submit);
        return form;
    }

    private Component decisionForm(BadReviewCase c) {
        TextArea note = new TextArea("复核意见");
        note.setMaxLength(1000);
        note.setId("decision-note");
        Button approve = new Button("申诉成立", click -> act("申诉成立，该差评不再计入统计",
                () -> handling.decideAppeal(actor, c.getId(), c.getVersion(), true, note.getValue().strip())));
        approve.setId("approve-appeal");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("驳回申诉", click -> act("申诉已驳回，工单继续办理",
                () -> handling.decideAppeal(actor, c.getId(), c.getVersion(), false, note.getValue().strip())));
        reject.setId("reject-appeal");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FormLayout form = form("decision-form");
        form.add(new H3("申诉复核"), 2);
        Span hint = new Span("申诉成立：差评保留并标记，不再计入好评率、差评率等任何统计，工单以“申诉成立”办结。驳回：工单继续办理。");
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        form.add(hint, 2);
        form.add(note, 2);
        form.add(new HorizontalLayout(approve, reject), 2);
        return form;
    }

    /**
     * Runs an action and shows the case as it now is. A refusal reads as the API's problem; a
     * conflict (someone acted first, or the state moved on) also shows the current case.
     */
    private void act(String done, Supplier<BadReviewCase> action) {
        try {
            action.get();
        } catch (ProblemException refused) {
            fail(labels.problem(refused));
            if (refused.status() == HttpStatus.CONFLICT) {
                reload();
            }
            return;
        }
        Notification.show(done, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        reload();
    }

    /** The case again, and the frame's counts with it. */
    private void reload() {
        getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
    }

    private static void warn(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private static void fail(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.addClassName("case-problem");
    }
}
