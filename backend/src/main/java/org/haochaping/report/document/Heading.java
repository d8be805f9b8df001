package org.haochaping.report.document;

/** A section title, e.g. "一、总体情况". */
public record Heading(String text) implements Block {
}
