package org.haochaping.report.document;

/** A paragraph of running text (the narrative), wrapped by the writer. */
public record Paragraph(String text) implements Block {
}
