package org.haochaping.admin.campaign.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.haochaping.campaign.Comparison;
import org.haochaping.campaign.Goal;

/** A goal as officials read it: "解决不动产登记遗留问题的居民 ≥ 9,400 户", "好评率 ≥ 90%". */
final class GoalStatement {

    private GoalStatement() {
    }

    static String of(Goal goal) {
        String unit = goal.unit().zh();
        String amount = format(goal.target()) + ("%".equals(unit) ? unit : " " + unit);
        String sign = goal.comparison() == Comparison.AT_LEAST ? "≥" : "≤";
        return goal.title().zh() + " " + sign + " " + amount;
    }

    private static String format(BigDecimal number) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        format.setMaximumFractionDigits(2);
        return format.format(number);
    }
}
