package org.haochaping.badreview;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the unit decided after 回访核实.
 *
 * @param plan the 整改 plan of a 限期整改 (shown to the resident)
 * @param explanation the 解释说明 the resident reads
 * @param dueAt when the rectification is due (none for an explanation, which is done when given)
 */
public record Disposition(DispositionKind kind, @Nullable String plan, @Nullable String explanation,
        @Nullable Instant dueAt, Instant decidedAt) {
}
