package org.haochaping.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The product's words for its codes, kept once in the backend's messages so the console, the API and
 * the reports read the same: an enum value is {@code label.<Enum>.<VALUE>} (a nested enum is named with
 * its outer class, {@code label.ReportJob.State.DONE}). Chinese is the default; a missing label falls
 * back to the code, never to an exception.
 */
@Component
public class Labels {

    /** The console's and the reports' language. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Enum<?> value) {
        return of(value, CHINESE);
    }

    public String of(Enum<?> value, Locale locale) {
        return text("label." + enumName(value.getDeclaringClass()) + "." + value.name(), value.name(), locale);
    }

    /**
     * An audit log event in words: "下载报表", and a refused or repeated one worded from its action
     * ("差评回访核实（被拒绝）"); an action without words stays its code.
     */
    public String auditAction(String action) {
        for (String suffix : new String[] {"_REFUSED", "_REPEATED"}) {
            if (action.endsWith(suffix)) {
                String base = action.substring(0, action.length() - suffix.length());
                return text("audit.action." + suffix.substring(1).toLowerCase(Locale.ROOT), auditAction(base));
            }
        }
        return text("audit.action." + action, null, action, CHINESE);
    }

    /** A message by key with its arguments ({@link java.text.MessageFormat}), in Chinese. */
    public String text(String key, Object... arguments) {
        String text = messages.getMessage(key, arguments, key, CHINESE);
        return text == null ? key : text;
    }

    private String text(String key, String fallback, Locale locale) {
        return text(key, null, fallback, locale);
    }

    private String text(String key, Object @org.jspecify.annotations.Nullable [] arguments, String fallback, Locale locale) {
        String text = messages.getMessage(key, arguments, fallback, locale);
        return text == null ? fallback : text;
    }

    private static String enumName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
