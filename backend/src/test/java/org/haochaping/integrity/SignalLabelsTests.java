package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every kind, status and review action of a signal has a Chinese and an English label in the backend's messages. */
class SignalLabelsTests {

    static final Map<String, List<String>> LABELLED = Map.of(
            "signal.kind.", names(SignalKind.values()),
            "signal.status.", names(SignalStatus.values()),
            "signal.action.", List.of("MARK_SUSPICIOUS", "DISMISS", "PROPOSE_EXCLUSION", "CONFIRM_EXCLUSION"),
            "audit.action.", List.of("INTEGRITY_SCANNED", "SIGNAL_MARKED_SUSPICIOUS", "SIGNAL_DISMISSED",
                    "SIGNAL_EXCLUSION_PROPOSED", "SIGNAL_EXCLUSION_CONFIRMED"));

    @Test
    void every_kind_status_and_action_has_a_chinese_and_an_english_label() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        LABELLED.forEach((prefix, values) -> values.forEach(value -> {
            String zh = messages.getMessage(prefix + value, null, null, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage(prefix + value, null, null, Locale.ENGLISH);
            assertThat(zh).as(prefix + value).isNotBlank().isNotEqualTo(en);
            assertThat(en).as(prefix + value).isNotBlank();
        }));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
