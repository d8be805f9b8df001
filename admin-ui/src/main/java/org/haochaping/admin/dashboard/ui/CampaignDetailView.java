package org.haochaping.admin.dashboard.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.haochaping.admin.base.ui.EChart;
import org.haochaping.system.Figures;
import org.haochaping.admin.base.ui.StatusLabels;
import org.haochaping.badreview.HandlingFigures;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.GoalStatement;
import org.haochaping.campaign.GoalProgress;
import org.haochaping.campaign.GoalType;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.rating.Levels;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.haochaping.satisfaction.Tally;
import org.haochaping.system.Labels;
import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems;
import org.springframework.http.ProblemDetail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * One campaign in depth: level distribution, weekly trend, towns ranked with their intervals,
 * subjects worst first, the reasons given in 差评, the goals with their statuses, the 差评 handling
 * figures with the handling units ranked, and, for those who may, the form to report outcome progress.
 */
@Route("campaigns/:code")
@PageTitle("攻坚行动详情 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class CampaignDetailView extends VerticalLayout implements BeforeEnterObserver {

    final EChart distribution = new EChart("100%", "260px");
    final EChart trend = new EChart("100%", "260px");
    final Grid<GoalAttainment.Evaluation> goals = new Grid<>();
    final Grid<CampaignDashboard.Slice> towns = new Grid<>();
    final Grid<CampaignDashboard.Slice> subjects = new Grid<>();
    final OrderedList reasons = new OrderedList();
    final HandlingPanel handlingPanel = new HandlingPanel("handling");
    private final SatisfactionQueries queries;
    private final HandlingFigures handling;
    private final GoalProgress progress;
    private final CampaignStewardship stewardship;
    private final Problems problems;
    private final Actor actor;
    private final StatusLabels statusLabels;
    private final Labels labels;
    private final Clock clock;
    private String code = "";
    /** The figures of the campaign shown, which its rate goals are judged on. */
    private Tally total = Tally.EMPTY;

    public CampaignDetailView(SatisfactionQueries queries, HandlingFigures handling, GoalProgress progress,
            CampaignStewardship stewardship, CurrentActor currentActor, Problems problems, StatusLabels statusLabels,
            Labels labels, Clock clock) {
        this.queries = queries;
        this.statusLabels = statusLabels;
        this.labels = labels;
        this.handling = handling;
        this.problems = problems;
        this.progress = progress;
        this.stewardship = stewardship;
        this.actor = currentActor.get();
        this.clock = clock;
        setWidthFull();
        configureGrids();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
        refresh();
    }

    private void refresh() {
        removeAll();
        CampaignDashboard dashboard = queries.dashboard(actor, code, null, null, null);
        Campaign campaign = dashboard.campaign();
        total = dashboard.total();
        distribution.setOption(distributionOption(dashboard));
        trend.setOption(trendOption(dashboard));
        goals.setItems(dashboard.goals());
        towns.setItems(dashboard.towns());
        subjects.setItems(dashboard.subjects().stream().limit(15).toList());
        reasons.removeAll();
        List<ReasonTag> badReasons = campaign.getRatingForm().badReasons();
        SatisfactionMetrics.topBadReasons(dashboard.total(), 5).forEach(entry -> reasons.add(new ListItem(
                badReasons.stream().filter(tag -> tag.code().equals(entry.getKey())).map(tag -> tag.label().zh())
                        .findFirst().orElse(entry.getKey()) + "（" + Figures.count(entry.getValue()) + " 次）")));

        FlexLayout charts = new FlexLayout(section("评价等级分布", distribution), section("每周好评率与评价数", trend));
        charts.setWidthFull();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(new H2(campaign.getName().zh()), new Paragraph(campaign.getLeadDepartment().name().zh() + " · "
                + campaign.getPeriod().start() + " 至 " + campaign.getPeriod().end() + " · 共 "
                + Figures.count(dashboard.total().count()) + " 条评价（" + Figures.count(dashboard.participants())
                + " 人），好评率 " + Figures.percent(SatisfactionMetrics.goodRate(dashboard.total()))),
                new H3("目标达成"), goals);
        if (stewardship.canChange(actor, campaign)) {
            add(progressForm(campaign));
        }
        handlingPanel.show(List.of(handling.ofCampaign(actor, code)));
        add(new H3("差评办理：回访、按期办结与整改满意"), handlingPanel);
        add(charts, new H3("各镇排名（好评率由低到高）"), towns, new H3("评价对象（由差到好）"), subjects,
                new H3("差评主要原因"), reasons);
    }

    private static VerticalLayout section(String title, EChart chart) {
        VerticalLayout section = new VerticalLayout(new H3(title), chart);
        section.setWidth("min(100%, 36rem)");
        section.setPadding(false);
        return section;
    }

    private void configureGrids() {
        goals.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        goals.setAllRowsVisible(true);
        goals.addColumn(evaluation -> evaluation.goal().title().zh()).setHeader("目标").setFlexGrow(3);
        goals.addColumn(this::current).setHeader("当前");
        goals.addColumn(evaluation -> GoalStatement.target(evaluation.goal())).setHeader("目标值");
        goals.addColumn(evaluation -> evaluation.interval() == null ? ""
                : Figures.percentRange(evaluation.interval().low(), evaluation.interval().high())).setHeader("95% 区间");
        goals.addComponentColumn(evaluation -> statusLabels.badge(evaluation.status())).setHeader("状态");
        for (Grid<CampaignDashboard.Slice> grid : List.of(towns, subjects)) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.addColumn(slice -> slice.name().zh()).setHeader("名称").setFlexGrow(3);
            grid.addColumn(slice -> Figures.count(slice.tally().count())).setHeader("评价数");
            grid.addColumn(slice -> slice.tally().isEmpty() ? "—" : Figures.percent(SatisfactionMetrics.goodRate(slice.tally())))
                    .setHeader("好评率");
            grid.addColumn(slice -> slice.tally().isEmpty() ? ""
                    : Figures.percentRange(slice.goodRateInterval().low(), slice.goodRateInterval().high()))
                    .setHeader("95% 区间");
        }
    }

    /**
     * A goal's current figure in its unit. A rate is formatted from the campaign's tally, as the
     * card does, not from the evaluation's value already rounded to two decimals: rounding twice
     * could make 70.449 read 70.5% here and 70.4% on the card.
     */
    private String current(GoalAttainment.Evaluation evaluation) {
        if (evaluation.value() == null) {
            return "—";
        }
        return switch (evaluation.goal().type()) {
            case SATISFACTION -> Figures.percent(SatisfactionMetrics.goodRate(total));
            case BAD_REVIEW_LIMIT -> Figures.percent(SatisfactionMetrics.badRate(total));
            case PARTICIPATION, OUTCOME -> Figures.amount(evaluation.value(), evaluation.goal().unit().zh());
        };
    }

    /** The refusal in the words the API uses for it, in Chinese. */
    private String explanation(ProblemException refused) {
        ProblemDetail problem = problems.of(refused.status(), refused.code(), Locale.SIMPLIFIED_CHINESE, refused.detailArguments());
        return problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
    }

    private HorizontalLayout progressForm(Campaign campaign) {
        Select<Goal> goal = new Select<>();
        goal.setLabel("成果目标");
        goal.setItems(campaign.getGoals().stream().filter(g -> g.type() == GoalType.OUTCOME).toList());
        goal.setItemLabelGenerator(g -> g.title().zh());
        BigDecimalField value = new BigDecimalField("当前完成数");
        DatePicker asOf = new DatePicker("截至日期", LocalDate.now(clock));
        asOf.setMax(LocalDate.now(clock));
        TextField note = new TextField("说明");
        Button save = new Button("填报进度", click -> {
            if (goal.getValue() == null || value.getValue() == null || asOf.getValue() == null) {
                Notification.show("请选择目标并填写完成数和日期。").addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            try {
                progress.record(actor, campaign.getCode(), goal.getValue().code(), value.getValue(), asOf.getValue(), note.getValue());
                Notification.show("进度已填报").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ProblemException refused) {
                Notification.show("未能填报：" + explanation(refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-progress");
        HorizontalLayout form = new HorizontalLayout(goal, value, asOf, note, save);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        form.setId("progress-form");
        return form;
    }

    private Map<String, Object> distributionOption(CampaignDashboard dashboard) {
        List<String> names = IntStream.iterate(5, level -> level >= 1, level -> level - 1)
                .mapToObj(level -> labels.text("rating.level." + level)).toList();
        List<Object> counts = IntStream.iterate(5, level -> level >= 1, level -> level - 1)
                .mapToObj(level -> Map.of("value", dashboard.total().count(level),
                        "itemStyle", Map.of("color", Levels.isGood(level) ? "#2e7d32" : "#c62828")))
                .map(Object.class::cast).toList();
        return Map.of("tooltip", Map.of(), "grid", Map.of("left", 50, "right", 20, "top", 20, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", names),
                "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("type", "bar", "data", counts)));
    }

    private static Map<String, Object> trendOption(CampaignDashboard dashboard) {
        List<String> weeks = new ArrayList<>();
        List<Object> rates = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        Trends.weekly(dashboard.trend()).forEach((week, tally) -> {
            weeks.add(week.getMonthValue() + "/" + week.getDayOfMonth());
            rates.add(tally.isEmpty() ? null : Math.round(SatisfactionMetrics.goodRate(tally) * 10) / 10.0);
            counts.add(tally.count());
        });
        return Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("data", List.of("好评率", "评价数")),
                "grid", Map.of("left", 50, "right", 50, "top", 30, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", weeks),
                "yAxis", List.of(Map.of("type", "value", "min", 0, "max", 100, "name", "%"), Map.of("type", "value")),
                "series", List.of(
                        Map.of("name", "评价数", "type", "bar", "yAxisIndex", 1, "data", counts, "itemStyle", Map.of("color", "#b0bec5")),
                        Map.of("name", "好评率", "type", "line", "data", rates, "connectNulls", true, "itemStyle", Map.of("color", "#1565c0"))));
    }
}
