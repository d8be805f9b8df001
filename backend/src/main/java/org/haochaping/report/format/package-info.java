/** The writers that turn a {@link org.haochaping.report.document.ReportDocument} into XLSX, CSV or PDF. */
@NullMarked
package org.haochaping.report.format;

import org.jspecify.annotations.NullMarked;
