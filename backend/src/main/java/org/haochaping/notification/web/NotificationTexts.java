package org.haochaping.notification.web;

import java.util.Locale;

import org.haochaping.badreview.Unit;
import org.haochaping.badreview.UnitNames;
import org.haochaping.notification.Notification;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notification's words ({@code notification.*} in messages*.properties), made when it is read, in
 * the reader's language: {@code notification.<type>[.<variant>].title|body}, the body naming the
 * unit ({0}) and quoting what it wrote ({1}).
 */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final UnitNames units;

    NotificationTexts(MessageSource messages, UnitNames units) {
        this.messages = messages;
        this.units = units;
    }

    String title(Notification n) {
        return text(n, "title", new Object[0]);
    }

    String body(Notification n) {
        Locale locale = LocaleContextHolder.getLocale();
        return text(n, "body", new Object[] {units.of(Unit.ofKey(n.unitKey())).in(locale), n.text() == null ? "" : n.text()});
    }

    private String text(Notification n, String part, Object[] arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = "notification." + n.type().name();
        String general = messages.getMessage(key + "." + part, arguments, key, locale);
        return n.variant() == null ? general : messages.getMessage(key + "." + n.variant() + "." + part, arguments, general, locale);
    }
}
