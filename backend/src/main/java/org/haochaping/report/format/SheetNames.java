package org.haochaping.report.format;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns table names into sheet names Excel accepts: at most 31 characters, none of {@code []:*?/\}, not
 * starting or ending with an apostrophe, unique ignoring case (Excel compares names case-insensitively).
 * One instance per workbook.
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;
    private static final String FALLBACK = "表";

    private final Set<String> taken = new HashSet<>();

    /** Reserves {@code name} as is, for a sheet this writer names itself (概况). */
    String reserve(String name) {
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    String unique(String wanted) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "_").strip();
        base = base.replaceAll("^'+|'+$", "");
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        base = truncate(base, MAX_LENGTH);
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "(" + n + ")";
            name = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return reserve(name);
    }

    /** Cuts at a code point boundary, so a supplementary character is never halved. */
    private static String truncate(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
