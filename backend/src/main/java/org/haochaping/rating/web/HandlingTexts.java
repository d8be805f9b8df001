package org.haochaping.rating.web;

import org.haochaping.rating.ReviewProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a resident reads about their 差评 ({@code handling.*} in messages*.properties): zh-CN,
 * or English when the request asks for it. A step's words may depend on its kind (a disposition,
 * a verdict, an outcome): {@code handling.step.DISPOSED.SCHEDULED} before {@code handling.step.DISPOSED}.
 */
@Component
class HandlingTexts {

    private final MessageSource messages;

    HandlingTexts(MessageSource messages) {
        this.messages = messages;
    }

    String status(ReviewProgress progress) {
        String key = "handling.status." + progress.stage().name();
        return progress.outcome() == null ? text(key)
                : messages.getMessage(key + "." + progress.outcome().name(), null, text(key), LocaleContextHolder.getLocale());
    }

    String title(ReviewProgress.Step step) {
        String key = "handling.step." + step.type().name();
        return step.variant() == null ? text(key)
                : messages.getMessage(key + "." + step.variant(), null, text(key), LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
