package org.haochaping.report.document;

import java.util.List;

/**
 * One report's content, in the order a reader meets it.
 *
 * @param title e.g. "城乡环境整治 2026年10月满意度分析报告"
 * @param subtitle scope, period and the moment it was produced, e.g. "全县 · 2026-10-01 至 2026-10-31 · 2026-11-01 08:00 生成"
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }
}
