package org.haochaping.admin.dashboard.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;

import org.haochaping.badreview.HandlingFigures;
import org.haochaping.badreview.HandlingFigures.CampaignFigures;
import org.haochaping.badreview.HandlingFigures.Ranking;
import org.haochaping.badreview.HandlingFigures.UnitFigures;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.system.Figures;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The 差评 handling figures of one or more campaigns, on the dashboard and the campaign page:
 * 回访率, 按期办结率, 整改满意率, the mean handling time in working days, open and overdue cases, and
 * the handling units ranked by 按期办结率 or 整改满意率 with the counts behind each rate. A rate with
 * nothing to count reads "—", never 0%.
 */
class HandlingPanel extends VerticalLayout {

    private static final String NO_FIGURE = "—";

    final Div tiles = new Div();
    final Select<Ranking> rankBy = new Select<>();
    final Grid<UnitFigures> ranking = new Grid<>();
    private final String id;
    private List<CampaignFigures> shown = List.of();
    private List<UnitFigures> ranked = List.of();

    /** @param id a prefix for the ids of its parts ({@code <id>-contact-rate}, {@code <id>-ranking}, ...) */
    HandlingPanel(String id) {
        this.id = id;
        setPadding(false);
        setId(id);
        tiles.getStyle().set("display", "grid").set("gap", "var(--lumo-space-s)")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 9rem), 1fr))");
        tiles.setWidthFull();
        rankBy.setLabel("办理单位排名依据");
        rankBy.setItems(Ranking.values());
        rankBy.setItemLabelGenerator(HandlingPanel::rankingName);
        rankBy.setValue(Ranking.ON_TIME);
        rankBy.setEmptySelectionAllowed(false);
        rankBy.addValueChangeListener(change -> rank());
        rankBy.setId(id + "-rank-by");
        ranking.setId(id + "-ranking");
        ranking.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ranking.setAllRowsVisible(true);
        ranking.addColumn(unit -> rankBy.getValue().rate(unit.counts()).isEmpty() ? NO_FIGURE
                : String.valueOf(ranked.indexOf(unit) + 1)).setHeader("排名").setFlexGrow(0).setWidth("4.5rem");
        ranking.addColumn(UnitFigures::name).setHeader("办理单位").setFlexGrow(3);
        ranking.addColumn(unit -> Figures.count(unit.counts().cases())).setHeader("工单");
        ranking.addColumn(unit -> Figures.count(unit.counts().open())).setHeader("在办");
        ranking.addColumn(unit -> Figures.count(unit.counts().overdue())).setHeader("超期");
        ranking.addColumn(unit -> rate(HandlingMetrics.onTimeRate(unit.counts()))
                + "（" + Figures.count(unit.counts().handled()) + " 件办结）").setHeader("按期办结率").setFlexGrow(2);
        ranking.addColumn(unit -> rate(HandlingMetrics.rectificationSatisfactionRate(unit.counts()))
                + "（" + Figures.count(unit.counts().reratings()) + " 次复评）").setHeader("整改满意率").setFlexGrow(2);
        ranking.addColumn(unit -> rate(HandlingMetrics.contactRate(unit.counts()))).setHeader("回访率");
        ranking.addColumn(unit -> days(HandlingMetrics.meanHandlingDays(unit.counts()))).setHeader("平均办理时长");
        add(tiles, rankBy, ranking);
    }

    /** Shows these campaigns' figures, all together. */
    void show(List<CampaignFigures> figures) {
        shown = figures;
        HandlingCounts total = HandlingFigures.total(figures);
        tiles.removeAll();
        tiles.add(tile("contact-rate", "回访率", rate(HandlingMetrics.contactRate(total)),
                        "按时回访 " + Figures.count(total.contactedOnTime()) + " / " + Figures.count(total.contactSettled())),
                tile("on-time-rate", "按期办结率", rate(HandlingMetrics.onTimeRate(total)),
                        "按期 " + Figures.count(total.handledOnTime()) + " / 办结 " + Figures.count(total.handled())),
                tile("satisfaction-rate", "整改满意率", rate(HandlingMetrics.rectificationSatisfactionRate(total)),
                        "满意 " + Figures.count(total.satisfiedReratings()) + " / 复评 " + Figures.count(total.reratings())),
                tile("mean-days", "平均办理时长", days(HandlingMetrics.meanHandlingDays(total)), "自开单至办理完毕"),
                tile("open", "在办工单", Figures.count(total.open()), "共 " + Figures.count(total.cases()) + " 件"),
                tile("overdue", "超期工单", Figures.count(total.overdue()),
                        "未复评 " + Figures.count(total.notRerated()) + " · 申诉成立 " + Figures.count(total.appealUpheld())));
        rank();
    }

    private void rank() {
        ranked = HandlingFigures.ranked(shown, rankBy.getValue());
        ranking.setItems(ranked);
    }

    private Div tile(String part, String label, String value, String basis) {
        Span caption = new Span(label);
        caption.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Span figure = new Span(value);
        figure.setId(id + "-" + part);
        figure.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.BOLD);
        Span under = new Span(basis);
        under.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div tile = new Div(caption, new Div(figure), under);
        tile.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        tile.getStyle().set("min-width", "0");
        return tile;
    }

    /** A rate as a percentage, or "—" when there is nothing to count yet. */
    static String rate(OptionalDouble rate) {
        return Figures.percent(rate.orElse(Double.NaN));
    }

    /** Working days with one decimal ({@code 2.3 个工作日}), or "—" before any case was handled. */
    static String days(OptionalDouble mean) {
        return mean.isEmpty() ? NO_FIGURE
                : Figures.amount(BigDecimal.valueOf(mean.getAsDouble()).setScale(1, RoundingMode.HALF_UP), "个工作日");
    }

    static String rankingName(Ranking ranking) {
        return ranking == Ranking.ON_TIME ? "按期办结率" : "整改满意率";
    }
}
