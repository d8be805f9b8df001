/**
 * A report's content independent of its file format: a title and a sequence of blocks (headings,
 * paragraphs, key figures, tables, charts). Each format writer lays the same document out its own way,
 * so the XLSX, the CSV and the PDF of one report can never disagree.
 */
@NullMarked
package org.haochaping.report.document;

import org.jspecify.annotations.NullMarked;
