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

    /**
     * Draws the option; the first time, also follows the element's size, so the chart fits the
     * window as it is resized or turned (the element is 100% wide), and lets go of the chart once
     * the element leaves the page.
     */
    private void render() {
        getElement().executeJs("""
                let chart = echarts.getInstanceByDom(this);
                if (!chart) {
                    chart = echarts.init(this);
                    const observer = new ResizeObserver(() => {
                        if (this.isConnected) {
                            chart.resize();
                        } else {
                            observer.disconnect();
                            chart.dispose();
                        }
                    });
                    observer.observe(this);
                }
                chart.setOption(JSON.parse($0), true);""", option);
    }
}
