package org.haochaping.admin.badreview.ui;

import org.haochaping.badreview.UnitNames;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.badreview.CaseQueue;
import org.haochaping.badreview.QueueEntry;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.region.RegionTree;
import org.haochaping.system.Figures;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 申诉复核: the cases whose unit appealed the 差评, for SUPERVISORs to approve or reject on the
 * case's page. An approved appeal takes the rating out of every figure.
 */
@Route("appeals")
@PageTitle("申诉复核 · 好差评管理平台")
@RolesAllowed("SUPERVISOR")
public class AppealQueueView extends VerticalLayout {

    static final CaseQueue.Filter APPEALED = new CaseQueue.Filter(null, null, null, false, false, true);

    final Span total = new Span();
    final Grid<QueueEntry> grid = new Grid<>();
    final Button more = new Button("加载更多");
    private final CaseQueue queue;
    private final Actor actor;
    private final List<QueueEntry> shown = new ArrayList<>();
    private @Nullable String nextCursor;

    public AppealQueueView(CaseQueue queue, CaseLabels labels, UnitNames units, CampaignCatalog catalog,
            SubjectCatalog subjects, RegionTree regions, HolidayCalendar calendar, CurrentActor currentActor, Clock clock) {
        this.queue = queue;
        this.actor = currentActor.get();
        setSizeFull();
        total.setId("appeal-total");
        grid.setId("appeal-grid");
        new CaseRows(labels, units, catalog, subjects, regions, calendar.workingDays(), clock).configure(grid);
        grid.setSizeFull();
        more.setId("more-appeals");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> load());
        add(new H2("申诉复核"),
                new Paragraph("承办单位认为差评属恶意、误评或不属于政务服务事项而提出的申诉。申诉须由提出人以外的监督员复核；"
                        + "申诉成立的差评不再计入任何统计，群众会收到通知。复核期间办理时限照常计算。"),
                total, grid, more);
        load();
    }

    private void load() {
        CaseQueue.Page page = queue.page(actor, APPEALED, nextCursor, CaseQueueView.PAGE);
        shown.addAll(page.entries());
        nextCursor = page.nextCursor();
        grid.setItems(List.copyOf(shown));
        total.setText("待复核申诉 " + Figures.count(page.total()) + " 件");
        total.getElement().setAttribute("data-total", String.valueOf(page.total()));
        more.setVisible(nextCursor != null);
    }
}
