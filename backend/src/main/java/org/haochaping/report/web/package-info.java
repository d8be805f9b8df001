/** The officials' reports API ({@code /api/v1/admin/reports}), implementing the generated {@code ReportsApi}. */
@NullMarked
package org.haochaping.report.web;

import org.jspecify.annotations.NullMarked;
