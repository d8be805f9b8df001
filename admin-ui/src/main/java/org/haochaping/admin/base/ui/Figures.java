package org.haochaping.admin.base.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the console shows them: 1,234 and 86.3%. */
public final class Figures {

    private Figures() {
    }

    public static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(count);
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
