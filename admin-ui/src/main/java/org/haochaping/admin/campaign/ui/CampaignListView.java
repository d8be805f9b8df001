package org.haochaping.admin.campaign.ui;

import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.campaign.GoalStatement;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.ProblemException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The campaigns of the work report with their lead departments, periods, statuses and goals.
 * Managers of the lead department and supervisors may suspend and resume a campaign.
 */
@Route("campaigns")
@PageTitle("攻坚行动 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class CampaignListView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    final Grid<Campaign> grid = new Grid<>();
    private final CampaignCatalog catalog;
    private final CampaignStewardship stewardship;
    private final Labels labels;
    private final Actor actor;

    public CampaignListView(CampaignCatalog catalog, CampaignStewardship stewardship, CurrentActor currentActor,
            Labels labels) {
        this.catalog = catalog;
        this.labels = labels;
        this.stewardship = stewardship;
        this.actor = currentActor.get();
        setSizeFull();
        add(new H2("十大攻坚行动"),
                new Paragraph("襄垣县政府工作报告确定的攻坚行动及其目标，群众通过“好差评”评价其成效。"));
        configureGrid();
        refresh();
        add(grid);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(CampaignListView::nameCell).setHeader("名称").setFlexGrow(3);
        grid.addColumn(campaign -> campaign.getLeadDepartment().name().zh()).setHeader("牵头单位").setFlexGrow(2);
        grid.addColumn(campaign -> DAY.format(campaign.getPeriod().start()) + " 至 " + DAY.format(campaign.getPeriod().end()))
                .setHeader("实施期间").setFlexGrow(2);
        grid.addComponentColumn(campaign -> new StatusBadge(labels, campaign.getStatus()))
                .setHeader("状态").setTextAlign(ColumnTextAlign.CENTER).setFlexGrow(0).setWidth("7em");
        grid.addComponentColumn(CampaignListView::goalsCell).setHeader("目标").setFlexGrow(4);
        grid.addComponentColumn(this::actionsCell).setHeader("操作").setFlexGrow(0).setWidth("7em");
    }

    private void refresh() {
        grid.setItems(catalog.list(null));
    }

    private Component actionsCell(Campaign campaign) {
        if (!stewardship.canChange(actor, campaign)) {
            return new Span();
        }
        return switch (campaign.getStatus()) {
            case ACTIVE -> action("suspend", "暂停", campaign, stewardship::suspend, "已暂停");
            case SUSPENDED -> action("resume", "恢复", campaign, stewardship::resume, "已恢复");
            case PLANNED, COMPLETED -> new Span();
        };
    }

    private Button action(String id, String label, Campaign campaign, BiFunction<Actor, String, Campaign> change,
            String done) {
        Button button = new Button(label, click -> {
            try {
                Campaign changed = change.apply(actor, campaign.getCode());
                Notification.show(changed.getName().zh() + " " + done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ProblemException | IllegalStateException refused) {
                Notification.show("操作未完成：您无权操作，或该行动的状态已经变化。")
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId(id + "-" + campaign.getCode());
        return button;
    }

    private static Div nameCell(Campaign campaign) {
        Span name = new Span(campaign.getName().zh());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span code = new Span(campaign.getCode());
        code.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        return new Div(name, code);
    }

    private static UnorderedList goalsCell(Campaign campaign) {
        UnorderedList goals = new UnorderedList();
        goals.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.Left.MEDIUM, LumoUtility.FontSize.SMALL);
        campaign.getGoals().forEach(goal -> goals.add(new ListItem(GoalStatement.of(goal))));
        return goals;
    }
}
