package org.haochaping.admin.dashboard.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.admin.base.ui.EChart;
import org.haochaping.system.Figures;
import org.haochaping.admin.base.ui.StatusLabels;
import org.haochaping.badreview.HandlingFigures;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.GoalStatement;
import org.haochaping.campaign.GoalType;
import org.haochaping.identity.Actor;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.identity.CurrentActor;
import org.haochaping.satisfaction.AttainmentStatus;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.RollupMaintenance;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The officials' home: for each campaign in their scope, satisfaction against its goal, the trend,
 * the number of ratings and a status colour; and the "claimed vs felt" chart, officials' outcome
 * progress against residents' 好评率, where disagreement shows. Filters: period, and town (a town's
 * figures are kept for the whole campaign, so with a town the period applies to the trend only).
 * Below them, the 差评 handling figures of the same campaigns (whole campaigns, every town) with
 * the handling units ranked.
 */
@Route("")
@PageTitle("仪表盘 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class DashboardView extends VerticalLayout {

    /** Periods officials pick from, in days back from today (0: the whole campaign). */
    private static final Map<String, Integer> PERIODS = periods();

    final Select<String> period = new Select<>();
    final Select<Region> town = new Select<>();
    final Div cards = new Div();
    final EChart claimedVsFelt = new EChart("100%", "420px");
    final HandlingPanel handlingPanel = new HandlingPanel("handling");
    private final SatisfactionQueries queries;
    private final HandlingFigures handling;
    private final Actor actor;
    private final StatusLabels statusLabels;
    private final Clock clock;

    public DashboardView(SatisfactionQueries queries, HandlingFigures handling, CurrentActor currentActor,
            RegionTree regions, RollupMaintenance maintenance, StatusLabels statusLabels, Clock clock) {
        this.queries = queries;
        this.statusLabels = statusLabels;
        this.handling = handling;
        this.actor = currentActor.get();
        this.clock = clock;
        setWidthFull();
        period.setLabel("时间范围");
        period.setItems(PERIODS.keySet());
        period.setValue("全部");
        period.addValueChangeListener(change -> refresh());
        town.setLabel("区域（按镇统计全期）");
        town.setEmptySelectionAllowed(true);
        town.setEmptySelectionCaption("全县");
        town.setItems(regions.all().stream().filter(region -> region.level() == RegionLevel.TOWN).toList());
        town.setItemLabelGenerator(region -> region == null ? "全县" : region.name().zh());
        town.addValueChangeListener(change -> refresh());
        cards.setId("campaign-cards");
        claimedVsFelt.setId("claimed-vs-felt");
        cards.setWidthFull();
        // As many columns of at least 16rem as fit: 3-4 on a desktop beside the menu, 1 on a phone.
        cards.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 16rem), 1fr))");
        HorizontalLayout filters = new HorizontalLayout(period, town);
        filters.setWrap(true);
        add(new H2("满意度仪表盘"), new Paragraph("各攻坚行动的群众满意度与目标对照，数据来自“好差评”实时汇总。"),
                filters, cards,
                new H3("进展与感受：官方进度 vs 群众好评率"),
                new Paragraph("每个点是一项攻坚行动：越靠右官方填报的进度越多，越靠上群众越满意。红点：进度远超群众感受，值得一看。"),
                claimedVsFelt,
                new H3("差评办理：回访、按期办结与整改满意"),
                new Paragraph("上述攻坚行动的全部差评工单（全期、全县），按办理单位排名。"),
                handlingPanel);
        if (RollupMaintenance.mayRebuild(actor)) {
            Button rebuild = new Button("核对并重新汇总", click -> {
                RollupRebuild.Report report = maintenance.rebuild(actor);
                Notification.show("已核对 " + Figures.count(report.ratingsRead()) + " 条评价，" + Figures.count(report.rollups()) + " 项汇总，"
                        + (report.drifted() == 0 ? "全部一致。" : Figures.count(report.drifted()) + " 项不一致，已重新汇总。"));
                refresh();
            });
            rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            rebuild.setId("rebuild-rollups");
            add(rebuild);
        }
        refresh();
    }

    private static Map<String, Integer> periods() {
        Map<String, Integer> periods = new LinkedHashMap<>();
        periods.put("全部", 0);
        periods.put("近 30 天", 30);
        periods.put("近 90 天", 90);
        return periods;
    }

    private void refresh() {
        int days = PERIODS.get(period.getValue());
        LocalDate from = days == 0 ? null : LocalDate.now(clock).minusDays(days - 1L);
        List<CampaignDashboard> dashboards = queries.followedBy(actor).stream()
                .map(campaign -> queries.dashboard(actor, campaign.getCode(), from, null,
                        town.getValue() == null ? null : town.getValue().code()))
                .toList();
        List<HandlingFigures.CampaignFigures> handled = handling.followedBy(actor);
        Map<String, HandlingCounts> handledByCampaign = new HashMap<>();
        handled.forEach(figures -> handledByCampaign.put(figures.campaign().getCode(), figures.total()));
        cards.removeAll();
        dashboards.forEach(dashboard -> cards.add(card(dashboard,
                handledByCampaign.getOrDefault(dashboard.campaign().getCode(), HandlingCounts.ZERO))));
        claimedVsFelt.setOption(ClaimedVsFelt.option(dashboards));
        handlingPanel.show(handled);
    }

    private Div card(CampaignDashboard dashboard, HandlingCounts handled) {
        Campaign campaign = dashboard.campaign();
        Tally total = dashboard.total();
        GoalAttainment.Evaluation satisfaction = dashboard.goals().stream()
                .filter(goal -> goal.goal().type() == GoalType.SATISFACTION).findFirst().orElse(null);
        AttainmentStatus status = satisfaction == null ? AttainmentStatus.INSUFFICIENT_DATA : satisfaction.status();

        Span goodRate = new Span(total.isEmpty() ? "—" : Figures.percent(SatisfactionMetrics.goodRate(total)));
        goodRate.setId("good-rate-" + campaign.getCode());
        goodRate.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.BOLD);
        Span target = new Span(satisfaction == null ? "" : "目标 " + GoalStatement.target(satisfaction.goal()));
        target.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Span count = new Span("评价 " + Figures.count(total.count()) + " 条 · 参评 " + Figures.count(dashboard.participants())
                + " 人 · 差评率 " + Figures.percent(SatisfactionMetrics.badRate(total)));
        count.setId("count-" + campaign.getCode());
        count.getElement().setAttribute("data-count", String.valueOf(total.count()));
        count.addClassNames(LumoUtility.FontSize.SMALL);
        EChart sparkline = new EChart("100%", "60px");
        sparkline.setOption(sparkline(dashboard, StatusLabels.colour(status)));
        RouterLink details = new RouterLink("查看详情", CampaignDetailView.class, new RouteParameters("code", campaign.getCode()));
        Div cases = new Div("差评工单 在办 " + Figures.count(handled.open()) + " · 超期 " + Figures.count(handled.overdue())
                + " · 按期办结率 " + HandlingPanel.rate(HandlingMetrics.onTimeRate(handled)));
        cases.setId("cases-" + campaign.getCode());
        cases.getElement().setAttribute("data-open", String.valueOf(handled.open()));
        cases.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);

        Span name = new Span(campaign.getName().zh());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div card = new Div(new HorizontalLayout(name, statusLabels.badge(status)),
                new HorizontalLayout(goodRate, target), count, cases, sparkline, details);
        card.setId("card-" + campaign.getCode());
        card.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.LARGE, LumoUtility.Background.BASE,
                LumoUtility.BoxShadow.SMALL);
        card.getStyle().set("min-width", "0").set("border-left", "6px solid " + StatusLabels.colour(status));
        return card;
    }

    private static Map<String, Object> sparkline(CampaignDashboard dashboard, String colour) {
        List<Object> points = new ArrayList<>();
        Trends.weekly(dashboard.trend()).forEach((week, tally) -> points.add(tally.isEmpty() ? null
                : Math.round(SatisfactionMetrics.goodRate(tally) * 10) / 10.0));
        List<Object> recent = points.subList(Math.max(0, points.size() - 12), points.size());
        return Map.of(
                "grid", Map.of("left", 0, "right", 0, "top", 4, "bottom", 4),
                "xAxis", Map.of("type", "category", "show", false, "data", recent.stream().map(p -> "").toList()),
                "yAxis", Map.of("type", "value", "show", false, "min", 0, "max", 100),
                "series", List.of(Map.of("type", "line", "data", recent, "smooth", true, "symbol", "none", "connectNulls", true,
                        "lineStyle", Map.of("color", colour, "width", 2), "areaStyle", Map.of("color", colour, "opacity", 0.1))));
    }
}
