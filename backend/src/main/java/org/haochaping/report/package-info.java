/**
 * Satisfaction reports (报表): the 月度满意度分析报告, 评价明细, 整改台账 and 公开版, built from the same
 * queries as the dashboard and the API, written as XLSX, CSV or PDF by background jobs, kept in
 * GridFS, and produced every month for every campaign and the county.
 */
@NullMarked
package org.haochaping.report;

import org.jspecify.annotations.NullMarked;
