package org.haochaping.admin.badreview.ui;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.badreview.CaseQueue;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.system.Figures;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The 差评工单 numbers in the console's frame, read from the queue ({@link CaseQueue#counts}) on
 * every navigation: on the navigation item (open, and overdue when any), on 申诉复核 for
 * SUPERVISORs, and in the officials' bell: cases awaiting contact (newly assigned to the unit),
 * due soon, overdue and, for SUPERVISORs, appeals to review. Each line of the bell opens the queue
 * filtered to those cases.
 */
public final class CaseCounter {

    /** What the bell says, derived from the queue's counts. */
    public record Alert(String id, String text, long count) {
    }

    private final CaseQueue queue;
    private final Actor actor;
    private final CaseLabels labels;
    final SideNavItem queueItem = new SideNavItem("差评工单", CaseQueueView.class, VaadinIcon.EXCLAMATION_CIRCLE_O.create());
    final @Nullable SideNavItem appealsItem;
    final Span openCount = new Span();
    final Span overdueCount = new Span();
    final Span appealCount = new Span();
    final Button bell = new Button(VaadinIcon.BELL_O.create());
    final Span bellCount = new Span();
    final Div alertList = new Div();
    private List<Alert> alerts = List.of();

    public CaseCounter(CaseQueue queue, CaseLabels labels, Actor actor) {
        this.queue = queue;
        this.labels = labels;
        this.actor = actor;
        openCount.getElement().getThemeList().addAll(List.of("badge", "pill", "small"));
        openCount.setId("nav-open-cases");
        overdueCount.getElement().getThemeList().addAll(List.of("badge", "pill", "small", "error", "primary"));
        overdueCount.setId("nav-overdue-cases");
        HorizontalLayout counts = new HorizontalLayout(openCount, overdueCount);
        counts.setSpacing(false);
        counts.addClassNames(LumoUtility.Gap.XSMALL);
        queueItem.setSuffixComponent(counts);
        queueItem.setId("nav-cases");
        if (actor.has(Role.SUPERVISOR)) {
            appealsItem = new SideNavItem("申诉复核", AppealQueueView.class, VaadinIcon.SCALE.create());
            appealsItem.setId("nav-appeals");
            appealCount.getElement().getThemeList().addAll(List.of("badge", "pill", "small", "contrast"));
            appealCount.setId("nav-appeal-count");
            appealsItem.setSuffixComponent(appealCount);
        } else {
            appealsItem = null;
        }
        bell.setId("case-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel("差评工单提醒");
        bellCount.setId("case-bell-count");
        bellCount.getElement().getThemeList().addAll(List.of("badge", "pill", "small", "error", "primary"));
        bellCount.getStyle().set("position", "absolute").set("top", "-0.3em").set("right", "-0.5em");
        bell.setSuffixComponent(bellCount);
        bell.getStyle().set("position", "relative").set("overflow", "visible");
        alertList.setId("case-alerts");
        alertList.addClassNames(LumoUtility.Padding.SMALL);
        alertList.setMinWidth("14rem");
        Popover popover = new Popover(alertList);
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
    }

    public SideNavItem queueItem() {
        return queueItem;
    }

    public @Nullable SideNavItem appealsItem() {
        return appealsItem;
    }

    public Button bell() {
        return bell;
    }

    public List<Alert> alerts() {
        return alerts;
    }

    /** Reads the counts again and shows them. */
    public void refresh() {
        CaseQueue.Counts counts = queue.counts(actor);
        openCount.setText(Figures.count(counts.open()));
        openCount.getElement().setAttribute("title", "未办结 " + Figures.count(counts.open()) + " 件");
        overdueCount.setText("逾期 " + Figures.count(counts.overdue()));
        overdueCount.setVisible(counts.overdue() > 0);
        appealCount.setText(Figures.count(counts.appealsPending()));
        appealCount.setVisible(counts.appealsPending() > 0);
        alerts = alerts(counts);
        long total = alerts.stream().mapToLong(Alert::count).sum();
        bellCount.setText(Figures.count(total));
        bellCount.setVisible(total > 0);
        alertList.removeAll();
        if (alerts.isEmpty()) {
            alertList.add(new Span("暂无需要处理的提醒"));
        }
        alerts.forEach(alert -> {
            RouterLink link = alert.id().equals("appeals") ? new RouterLink(alert.text(), AppealQueueView.class)
                    : new RouterLink(alert.text(), CaseQueueView.class);
            switch (alert.id()) {
                case "assigned" -> link.setQueryParameters(CaseQueueView.parameters(CaseStatus.AWAITING_CONTACT, false, false, false));
                case "due-soon" -> link.setQueryParameters(CaseQueueView.parameters(null, true, false, false));
                case "overdue" -> link.setQueryParameters(CaseQueueView.parameters(null, false, true, false));
                default -> { }
            }
            link.setId("alert-" + alert.id());
            link.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.Padding.XSMALL);
            alertList.add(link);
        });
    }

    /**
     * The bell's lines with something in them: awaiting contact (for those who handle cases),
     * due soon, overdue, and appeals to review (SUPERVISORs).
     */
    private List<Alert> alerts(CaseQueue.Counts counts) {
        List<Alert> lines = new ArrayList<>();
        if (actor.has(Role.HANDLER)) {
            long assigned = queue.page(actor, new CaseQueue.Filter(CaseStatus.AWAITING_CONTACT, null, null, false, false, false),
                    null, 1).total();
            lines.add(new Alert("assigned", "新分派待回访 " + Figures.count(assigned) + " 件", assigned));
        }
        lines.add(new Alert("due-soon", labels.flag("DUE_SOON") + " " + Figures.count(counts.dueSoon()) + " 件", counts.dueSoon()));
        lines.add(new Alert("overdue", labels.flag("OVERDUE") + " " + Figures.count(counts.overdue()) + " 件", counts.overdue()));
        if (actor.has(Role.SUPERVISOR)) {
            lines.add(new Alert("appeals", "申诉待复核 " + Figures.count(counts.appealsPending()) + " 件", counts.appealsPending()));
        }
        return lines.stream().filter(line -> line.count() > 0).toList();
    }
}
