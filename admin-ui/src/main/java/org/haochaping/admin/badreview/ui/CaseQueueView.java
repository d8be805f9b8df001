package org.haochaping.admin.badreview.ui;

import org.haochaping.badreview.UnitNames;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.CaseQueue;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.QueueEntry;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.system.Figures;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 差评工单: the open cases in the official's scope, most urgent deadline first, filtered by status,
 * campaign, town, 即将到期, 已逾期 and 申诉中, 50 at a time. Filters can come in the address
 * ({@code ?overdue}, {@code ?status=AWAITING_CONTACT}), which is how the bell links here.
 */
@Route("cases")
@PageTitle("差评工单 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class CaseQueueView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE = 50;

    final Select<CaseStatus> status = new Select<>();
    final Select<Campaign> campaign = new Select<>();
    final Select<Region> town = new Select<>();
    final Checkbox dueSoon = new Checkbox();
    final Checkbox overdue = new Checkbox();
    final Checkbox appealPending = new Checkbox();
    final Span total = new Span();
    final Grid<QueueEntry> grid = new Grid<>();
    final Button more = new Button("加载更多");
    private final CaseQueue queue;
    private final Actor actor;
    private final List<QueueEntry> shown = new ArrayList<>();
    private @Nullable String nextCursor;
    private boolean presetting;

    public CaseQueueView(CaseQueue queue, CaseLabels labels, UnitNames units, CampaignCatalog catalog,
            SubjectCatalog subjects, RegionTree regions, HolidayCalendar calendar, CurrentActor currentActor, Clock clock) {
        this.queue = queue;
        this.actor = currentActor.get();
        setSizeFull();
        status.setLabel("状态");
        status.setItems(Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("全部状态");
        status.setItemLabelGenerator(value -> value == null ? "全部状态" : labels.status(value));
        campaign.setLabel("攻坚行动");
        campaign.setItems(catalog.list(null));
        campaign.setEmptySelectionAllowed(true);
        campaign.setEmptySelectionCaption("全部行动");
        campaign.setItemLabelGenerator(value -> value == null ? "全部行动" : value.getName().zh());
        town.setLabel("镇");
        town.setItems(regions.all().stream().filter(region -> region.level() == RegionLevel.TOWN).toList());
        town.setEmptySelectionAllowed(true);
        town.setEmptySelectionCaption("全县");
        town.setItemLabelGenerator(value -> value == null ? "全县" : value.name().zh());
        dueSoon.setLabel(labels.flag("DUE_SOON"));
        dueSoon.setId("filter-due-soon");
        overdue.setLabel(labels.flag("OVERDUE"));
        overdue.setId("filter-overdue");
        appealPending.setLabel(labels.flag("APPEAL_PENDING"));
        appealPending.setId("filter-appeal-pending");
        List.of(status, campaign, town).forEach(select -> select.addValueChangeListener(change -> filtersChanged()));
        List.of(dueSoon, overdue, appealPending).forEach(box -> box.addValueChangeListener(change -> filtersChanged()));
        total.setId("case-total");
        grid.setId("case-grid");
        new CaseRows(labels, units, catalog, subjects, regions, calendar.workingDays(), clock).configure(grid);
        grid.setSizeFull();
        more.setId("more-cases");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> load(false));
        HorizontalLayout filters = new HorizontalLayout(status, campaign, town, dueSoon, overdue, appealPending);
        filters.setWrap(true);
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2("差评工单"),
                new Paragraph("职责范围内未办结的差评工单，按办理时限由近到远排列。每条差评须按时回访核实、整改并请群众复评。"),
                filters, total, grid, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        presetting = true;
        status.setValue(parameters.getOrDefault("status", List.of()).stream().findFirst()
                .flatMap(name -> Arrays.stream(CaseStatus.values()).filter(value -> value.name().equals(name)).findFirst())
                .orElse(null));
        campaign.setValue(parameters.getOrDefault("campaign", List.of()).stream().findFirst()
                .flatMap(code -> campaign.getListDataView().getItems().filter(c -> c.getCode().equals(code)).findFirst())
                .orElse(null));
        town.setValue(parameters.getOrDefault("town", List.of()).stream().findFirst()
                .flatMap(code -> town.getListDataView().getItems().filter(r -> r.code().equals(code)).findFirst())
                .orElse(null));
        dueSoon.setValue(parameters.containsKey("dueSoon"));
        overdue.setValue(parameters.containsKey("overdue"));
        appealPending.setValue(parameters.containsKey("appealPending"));
        presetting = false;
        load(true);
    }

    /** The filters in the address, so a filtered queue can be bookmarked and linked to. */
    static QueryParameters parameters(@Nullable CaseStatus status, boolean dueSoon, boolean overdue, boolean appealPending) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (status != null) {
            parameters.put("status", List.of(status.name()));
        }
        if (dueSoon) {
            parameters.put("dueSoon", List.of(""));
        }
        if (overdue) {
            parameters.put("overdue", List.of(""));
        }
        if (appealPending) {
            parameters.put("appealPending", List.of(""));
        }
        return new QueryParameters(parameters);
    }

    private void filtersChanged() {
        if (!presetting) {
            load(true);
        }
    }

    private CaseQueue.Filter filter() {
        return new CaseQueue.Filter(status.getValue(), campaign.getValue() == null ? null : campaign.getValue().getCode(),
                town.getValue() == null ? null : town.getValue().code(), dueSoon.getValue(), overdue.getValue(),
                appealPending.getValue());
    }

    /** The first page again ({@code fromStart}), or the next page after those shown. */
    private void load(boolean fromStart) {
        if (fromStart) {
            shown.clear();
            nextCursor = null;
        }
        CaseQueue.Page page = queue.page(actor, filter(), nextCursor, PAGE);
        shown.addAll(page.entries());
        nextCursor = page.nextCursor();
        grid.setItems(List.copyOf(shown));
        total.setText("共 " + Figures.count(page.total()) + " 件" + (page.total() > shown.size()
                ? "，已显示 " + Figures.count(shown.size()) + " 件" : ""));
        total.getElement().setAttribute("data-total", String.valueOf(page.total()));
        more.setVisible(nextCursor != null);
    }
}
