package org.haochaping.report.document;

import java.util.List;

/**
 * Labelled points on two percentage axes 0-100, with the diagonal drawn: the 进展与感受 chart (officials'
 * progress on x, residents' 好评率 on y).
 */
public record ScatterChart(String title, String xAxisTitle, String yAxisTitle, List<Point> points) implements Block {

    public ScatterChart {
        points = List.copyOf(points);
    }

    /** One labelled point; {@code warning} marks a point drawn in the warning colour. */
    public record Point(String label, double x, double y, boolean warning) {
    }
}
