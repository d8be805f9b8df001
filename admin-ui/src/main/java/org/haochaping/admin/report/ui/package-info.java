/**
 * The console's 报表中心: officials ask for a report, watch it being produced, and download or
 * preview it. Who may ask for what is the backend's {@code ReportCenter}'s to decide; the words of
 * kinds, formats and states are the backend's messages ({@code Labels}).
 */
@NullMarked
package org.haochaping.admin.report.ui;

import org.jspecify.annotations.NullMarked;
