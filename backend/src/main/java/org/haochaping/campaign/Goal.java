package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One goal of a campaign: a typed target. The factories state what each type means; the
 * constructor keeps every goal consistent with its type, whoever builds it (seed, console, store).
 *
 * @param code stable within its campaign, e.g. {@code households-registered}
 * @param measure what a PARTICIPATION goal counts; null for the other types
 * @param deadline when an OUTCOME target is due; null means the campaign's end
 */
public record Goal(
        String code,
        GoalType type,
        LocalizedText title,
        BigDecimal target,
        Comparison comparison,
        LocalizedText unit,
        @Nullable ParticipationMeasure measure,
        @Nullable LocalDate deadline) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final LocalizedText PERCENT = LocalizedText.of("%", "%");

    public Goal {
        Assert.hasText(code, "A goal needs a code");
        Assert.isTrue(code.matches("[a-z0-9][a-z0-9-]*"), () -> "A goal code is lower-case words joined by '-': " + code);
        Assert.notNull(type, "A goal needs a type");
        Assert.notNull(title, "A goal needs a title");
        Assert.notNull(target, "A goal needs a target");
        Assert.notNull(comparison, "A goal needs a comparison");
        Assert.notNull(unit, "A goal needs a unit");
        Assert.isTrue(target.signum() >= 0, () -> "A goal's target cannot be negative: " + target);
        switch (type) {
            case SATISFACTION -> requireRate(target, comparison, Comparison.AT_LEAST);
            case BAD_REVIEW_LIMIT -> requireRate(target, comparison, Comparison.AT_MOST);
            case PARTICIPATION -> {
                Assert.notNull(measure, "A participation goal counts ratings or residents");
                Assert.isTrue(comparison == Comparison.AT_LEAST, "A participation goal is a minimum");
                Assert.isTrue(target.signum() > 0 && target.stripTrailingZeros().scale() <= 0,
                        () -> "A participation target is a positive whole number: " + target);
            }
            case OUTCOME -> Assert.isNull(measure, "Only participation goals have a measure");
        }
        if (type != GoalType.OUTCOME) {
            Assert.isNull(deadline, "Only outcome goals have their own deadline");
        }
    }

    /** 好评率 (levels 3-5) at least {@code minPercent} %. */
    public static Goal satisfaction(String code, BigDecimal minPercent) {
        return new Goal(code, GoalType.SATISFACTION, LocalizedText.of("好评率", "Good-review rate"),
                minPercent, Comparison.AT_LEAST, PERCENT, null, null);
    }

    /** 差评率 (levels 1-2) at most {@code maxPercent} %. */
    public static Goal badReviewLimit(String code, BigDecimal maxPercent) {
        return new Goal(code, GoalType.BAD_REVIEW_LIMIT, LocalizedText.of("差评率", "Bad-review rate"),
                maxPercent, Comparison.AT_MOST, PERCENT, null, null);
    }

    public static Goal participation(String code, ParticipationMeasure measure, long minimum) {
        LocalizedText title = measure == ParticipationMeasure.RATINGS
                ? LocalizedText.of("评价数", "Ratings")
                : LocalizedText.of("参评居民数", "Residents who rated");
        LocalizedText unit = measure == ParticipationMeasure.RATINGS
                ? LocalizedText.of("条", "ratings")
                : LocalizedText.of("人", "residents");
        return new Goal(code, GoalType.PARTICIPATION, title, BigDecimal.valueOf(minimum),
                Comparison.AT_LEAST, unit, measure, null);
    }

    public static Goal outcome(String code, LocalizedText title, Comparison comparison, BigDecimal target,
            LocalizedText unit, @Nullable LocalDate deadline) {
        return new Goal(code, GoalType.OUTCOME, title, target, comparison, unit, null, deadline);
    }

    public boolean isRate() {
        return type == GoalType.SATISFACTION || type == GoalType.BAD_REVIEW_LIMIT;
    }

    /** Whether {@code value}, in this goal's unit, meets the target. */
    public boolean isMetBy(BigDecimal value) {
        return comparison.isMet(value, target);
    }

    /** The same goal with another target; the type's rules still apply. */
    public Goal withTarget(BigDecimal newTarget) {
        return new Goal(code, type, title, newTarget, comparison, unit, measure, deadline);
    }

    /** The day the goal is due: its own deadline, or the end of the campaign's period. */
    public LocalDate dueIn(Period period) {
        return deadline != null ? deadline : period.end();
    }

    private static void requireRate(BigDecimal target, Comparison comparison, Comparison expected) {
        Assert.isTrue(comparison == expected, () -> "This rate goal is " + expected);
        Assert.isTrue(target.compareTo(HUNDRED) <= 0, () -> "A rate is a percentage from 0 to 100: " + target);
    }
}
