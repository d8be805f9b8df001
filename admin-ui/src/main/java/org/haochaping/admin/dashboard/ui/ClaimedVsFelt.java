package org.haochaping.admin.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.system.Figures;
import org.springframework.web.util.HtmlUtils;

/**
 * The 进展与感受 chart's option: each campaign with outcome progress and ratings placed by officials'
 * progress (x) against residents' 好评率 (y). Points far below the diagonal, where officials claim
 * much more than residents feel, are red.
 */
final class ClaimedVsFelt {

    /** How many points progress may run ahead of 好评率 before the gap is shown as a warning. */
    static final double GAP_WORTH_A_LOOK = 15;
    private static final String WARNING = "#c62828";
    private static final String PLAIN = "#1565c0";
    /** Below this width the names would cover each other: the tooltip names the points instead. */
    private static final int NARROW = 600;

    private ClaimedVsFelt() {
    }

    static Map<String, Object> option(List<CampaignDashboard> dashboards) {
        List<Object> points = new ArrayList<>();
        for (CampaignDashboard dashboard : dashboards) {
            if (dashboard.outcomeProgress() != null && !dashboard.total().isEmpty()) {
                points.add(point(dashboard.campaign().getName().zh(), dashboard.outcomeProgress(),
                        SatisfactionMetrics.goodRate(dashboard.total())));
            }
        }
        // Not clipped: a campaign at 100% sits on the chart's edge and stays a whole dot.
        Map<String, Object> series = Map.of("type", "scatter", "data", points, "clip", false,
                "label", Map.of("formatter", "{b}"), "labelLayout", Map.of("hideOverlap", true),
                "markLine", Map.of("silent", true, "symbol", "none", "lineStyle", Map.of("type", "dashed"),
                        "data", List.of(List.of(Map.of("coord", List.of(0, 0)), Map.of("coord", List.of(100, 100))))));
        Map<String, Object> base = Map.of(
                "tooltip", Map.of("trigger", "item"),
                "grid", Map.of("left", 50, "right", 30, "top", 30, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "官方进度 %", "nameLocation", "middle", "nameGap", 30, "min", 0, "max", 100),
                "yAxis", Map.of("type", "value", "name", "群众好评率 %", "min", 0, "max", 100),
                "series", List.of(series));
        // ECharts re-applies the media rules whenever the chart is resized; the rule without a query
        // is what it returns to when the window grows wide again.
        return Map.of("baseOption", base, "media", List.of(
                Map.of("option", labelled(16, true)),
                Map.of("query", Map.of("maxWidth", NARROW), "option", labelled(12, false))));
    }

    private static Map<String, Object> labelled(int symbolSize, boolean names) {
        return Map.of("series", List.of(Map.of("symbolSize", symbolSize, "label", Map.of("show", names))));
    }

    private static Map<String, Object> point(String name, double progress, double goodRate) {
        boolean claimsMore = progress - goodRate > GAP_WORTH_A_LOOK;
        return Map.of("name", name,
                "value", List.of(Math.round(progress * 10) / 10.0, Math.round(goodRate * 10) / 10.0),
                "itemStyle", Map.of("color", claimsMore ? WARNING : PLAIN),
                // Names near the right edge are written to the left of their point, so they stay inside the chart.
                "label", Map.of("position", progress > 60 ? "left" : "right"),
                "tooltip", Map.of("formatter", HtmlUtils.htmlEscape(name) + "<br/>官方进度 " + Figures.percent(progress)
                        + " · 群众好评率 " + Figures.percent(goodRate)));
    }
}
