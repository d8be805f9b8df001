package org.haochaping.admin.integrity.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;

import org.haochaping.badreview.UnitNames;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.haochaping.integrity.IntegrityScan;
import org.haochaping.integrity.Signal;
import org.haochaping.integrity.SignalReview;
import org.haochaping.integrity.SignalStatus;
import org.haochaping.region.RegionTree;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 异常评价: the manipulation signals with their evidence. SUPERVISORs and AUDITORs see them; SUPERVISORs
 * mark one suspicious, clear it (排除), or exclude its ratings, which a second SUPERVISOR must confirm.
 * The service checks every role again: the buttons only spare a refusal.
 */
@Route("signals")
@PageTitle("异常评价 · 好差评管理平台")
@RolesAllowed({"SUPERVISOR", "AUDITOR"})
public class SignalsView extends VerticalLayout {

    final Select<@Nullable SignalStatus> status = new Select<>();
    final Button scanNow = new Button("立即检测");
    final Grid<Signal> grid = new Grid<>();
    final Div details = new Div();
    final Paragraph evidence = new Paragraph();
    final Button markSuspicious = new Button("标记可疑");
    final Button dismiss = new Button("排除");
    final Button proposeExclusion = new Button("提议剔除评价");
    final Button confirmExclusion = new Button("确认剔除评价");
    final Span message = new Span();

    private final SignalReview review;
    private final Actor actor;
    private final SignalTexts texts;
    private final Problems problems;

    public SignalsView(SignalReview review, IntegrityScan scan, CurrentActor currentActor, SubjectCatalog subjects,
            RegionTree regions, UnitNames units, Labels labels, Problems problems, Clock clock) {
        this.review = review;
        this.actor = currentActor.get();
        this.texts = new SignalTexts(subjects, regions, units, labels);
        this.problems = problems;
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        setSizeFull();

        status.setId("signal-status");
        status.setLabel("状态");
        status.setItems(SignalStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("全部");
        status.setItemLabelGenerator(value -> value == null ? "全部" : texts.status(value));
        status.addValueChangeListener(change -> refresh(null));
        scanNow.setId("signal-scan");
        scanNow.setVisible(actor.has(Role.SUPERVISOR));
        scanNow.addClickListener(click -> attempt(() -> {
            int found = scan.scanNow(actor).size();
            refresh(null);
            return found == 0 ? "检测完成，没有新的线索。" : "检测完成，新发现 " + found + " 条线索。";
        }));
        HorizontalLayout bar = new HorizontalLayout(status, scanNow);
        bar.setAlignItems(Alignment.BASELINE);

        grid.setId("signal-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(signal -> time.format(signal.getDetectedAt())).setHeader("发现时间").setAutoWidth(true);
        grid.addColumn(signal -> texts.kind(signal.getKind())).setHeader("类型").setAutoWidth(true);
        grid.addColumn(texts::scope).setHeader("对象").setAutoWidth(true);
        grid.addColumn(signal -> time.format(signal.getEvidence().windowStart())).setHeader("时段起").setAutoWidth(true);
        grid.addColumn(signal -> signal.getEvidence().ratingIds().size()).setHeader("涉及评价").setAutoWidth(true);
        grid.addColumn(signal -> texts.status(signal.getStatus())).setHeader("状态").setAutoWidth(true);
        grid.setSizeFull();
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));

        evidence.setId("signal-evidence");
        message.setId("signal-message");
        markSuspicious.setId("signal-mark-suspicious");
        dismiss.setId("signal-dismiss");
        proposeExclusion.setId("signal-propose-exclusion");
        confirmExclusion.setId("signal-confirm-exclusion");
        confirmExclusion.addThemeVariants(ButtonVariant.LUMO_ERROR);
        markSuspicious.addClickListener(click -> act(review::markSuspicious, "已标记为可疑。"));
        dismiss.addClickListener(click -> act(review::dismiss, "已排除：该线索不属异常，评价照常计入统计。"));
        proposeExclusion.addClickListener(click -> act(review::proposeExclusion, "已提议剔除，待另一名监督员确认。"));
        confirmExclusion.addClickListener(click -> act(review::confirmExclusion, "已剔除：相关评价保留并标记，不再计入统计。"));
        HorizontalLayout actions = new HorizontalLayout(markSuspicious, dismiss, proposeExclusion, confirmExclusion);
        actions.setVisible(actor.has(Role.SUPERVISOR));
        details.add(evidence, actions);
        details.setVisible(false);

        add(new H2("异常评价"),
                new Paragraph("系统按规则发现的疑似刷好评、恶意差评线索，供核查之用，不会自动剔除任何评价。"
                        + "剔除评价须由一名监督员提议、另一名监督员确认，与申诉复核一样：原评价保留并标记，只从统计中扣除一次。"),
                bar, grid, details, message);
        refresh(null);
    }

    private void refresh(@Nullable String selectId) {
        List<Signal> signals = review.list(actor, status.getValue());
        grid.setItems(signals);
        signals.stream().filter(signal -> signal.getId().equals(selectId)).findFirst().ifPresentOrElse(grid::select,
                () -> show(null));
    }

    private void show(@Nullable Signal signal) {
        details.setVisible(signal != null);
        if (signal == null) {
            return;
        }
        String proposal = signal.getProposedBy() == null ? ""
                : "（由 " + signal.getProposedBy() + " 提议剔除" + (signal.getConfirmedBy() == null ? "" : "，" + signal.getConfirmedBy()
                        + " 确认，剔除 " + signal.getExcludedRatings() + " 条") + "）";
        evidence.setText(SignalTexts.evidence(signal) + "。涉及评价 " + signal.getEvidence().ratingIds().size() + " 条" + proposal + "。");
        SignalStatus now = signal.getStatus();
        markSuspicious.setEnabled(now == SignalStatus.OPEN);
        dismiss.setEnabled(now == SignalStatus.OPEN || now == SignalStatus.SUSPICIOUS);
        proposeExclusion.setEnabled((now == SignalStatus.OPEN || now == SignalStatus.SUSPICIOUS)
                && !signal.getEvidence().ratingIds().isEmpty());
        confirmExclusion.setEnabled(now == SignalStatus.EXCLUSION_PROPOSED && !actor.subject().equals(signal.getProposedBy()));
    }

    private void act(BiFunction<Actor, String, Signal> step, String done) {
        Signal selected = grid.asSingleSelect().getValue();
        if (selected != null) {
            attempt(() -> {
                step.apply(actor, selected.getId());
                refresh(selected.getId());
                return done;
            });
        }
    }

    private void attempt(java.util.function.Supplier<String> action) {
        try {
            message.setText(action.get());
        } catch (ProblemException refused) {
            ProblemDetail problem = problems.of(refused.status(), refused.code(), Labels.CHINESE, refused.detailArguments());
            message.setText("未能完成：" + (problem.getDetail() != null ? problem.getDetail() : problem.getTitle()));
        } catch (OptimisticLockingFailureException concurrent) {
            message.setText("未能完成：该线索刚被他人处理，请刷新后查看。");
        }
    }
}
