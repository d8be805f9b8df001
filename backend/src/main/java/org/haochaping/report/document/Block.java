package org.haochaping.report.document;

/** A part of a report. */
public sealed interface Block permits Heading, Paragraph, KeyFigures, Table, BarChart, LineChart, ScatterChart {
}
