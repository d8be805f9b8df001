package org.haochaping.admin.base.ui;

import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;

import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart, loaded from its webjar (no npm build) and driven from Java with an
 * option object, see https://echarts.apache.org/en/option.html.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class EChart extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String option = "{}";

    public EChart(String width, String height) {
        setWidth(width);
        setHeight(height);
        addClassName("echart");
    }

    /** Replaces the chart's option; the map becomes the ECharts option JSON. */
    public void setOption(Map<String, ?> option) {
        this.option = JSON.writeValueAsString(option);
        getElement().setAttribute("data-option", this.option);
        if (isAttached()) {
            render();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        render();
    }

    private void render() {
        getElement().executeJs("""
                const chart = echarts.getInstanceByDom(this) || echarts.init(this);
                chart.setOption(JSON.parse($0), true);
                new ResizeObserver(() => chart.resize()).observe(this);""", option);
    }
}
