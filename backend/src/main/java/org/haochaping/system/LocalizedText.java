package org.haochaping.system;

import java.util.Locale;

import org.springframework.util.Assert;

/** A text in zh-CN, the first language of the product, and in English. */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Assert.hasText(zh, "A Chinese text is required");
        Assert.hasText(en, "An English text is required");
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The English text for English locales, the Chinese one for every other. */
    public String in(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }
}
