package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every word of the workflow that officials and residents read is in the backend's messages, once,
 * in Chinese and English, so the console, the API and the reports label a case alike.
 */
class CaseLabelsTests {

    static final Map<String, List<? extends Enum<?>>> LABELLED = Map.of(
            "case.status.", List.of(CaseStatus.values()),
            "case.contact-method.", List.of(ContactMethod.values()),
            "case.finding.", List.of(Finding.values()),
            "case.disposition.", List.of(DispositionKind.values()),
            "case.verdict.", List.of(Verdict.values()),
            "case.outcome.", List.of(CaseOutcome.values()),
            "case.appeal-reason.", List.of(AppealReason.values()),
            "case.appeal-state.", List.of(Appeal.State.values()),
            "case.escalation.", List.of(Escalation.values()),
            "case.event.", List.of(CaseEvent.Type.values()));

    final ResourceBundleMessageSource messages = messages();

    @Test
    void every_level_status_method_finding_disposition_verdict_outcome_reason_and_event_has_a_chinese_and_an_english_label() {
        LABELLED.forEach((prefix, values) -> values.forEach(value -> {
            String zh = messages.getMessage(prefix + value.name(), null, null, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage(prefix + value.name(), null, null, Locale.ENGLISH);
            assertThat(zh).as(prefix + value.name()).isNotBlank().isNotEqualTo(en).doesNotContain(value.name());
            assertThat(en).as(prefix + value.name()).isNotBlank();
        }));
        for (int level = 1; level <= 5; level++) {
            assertThat(messages.getMessage("rating.level." + level, null, null, Locale.SIMPLIFIED_CHINESE)).isNotBlank();
            assertThat(messages.getMessage("rating.level." + level, null, null, Locale.ENGLISH)).isNotBlank();
        }
        assertThat(messages.getMessage("rating.level.1", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("非常不满意");
        assertThat(messages.getMessage("case.status.AWAITING_CONTACT", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("待回访");
        assertThat(messages.getMessage("case.finding.PARTLY_CONFIRMED", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("部分属实");
        assertThat(messages.getMessage("case.disposition.SCHEDULED", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("限期整改");
    }

    @Test
    void an_illegal_transition_names_the_action_and_the_status_in_words_not_codes() {
        CaseTransitionException refused = CaseTransitionException.illegal("CONTACT", CaseStatus.RECTIFYING);

        assertThat(messages.getMessage("problem.ILLEGAL_CASE_TRANSITION.detail", refused.detailArguments(),
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("工单处于“整改中”状态，不能执行“回访核实”。请刷新后查看工单的最新进展。");
        assertThat(messages.getMessage("problem.ILLEGAL_CASE_TRANSITION.detail", refused.detailArguments(), Locale.ENGLISH))
                .startsWith("The case is at \"Being rectified\", so \"Contact and verify\" is not possible.");
    }

    @Test
    void every_action_the_state_machine_refuses_has_a_label() {
        for (String action : List.of("CONTACT", "DISPOSE", "RECTIFY", "RERATE", "REASSIGN", "APPEAL")) {
            assertThat(messages.getMessage("case.action." + action, null, null, Locale.SIMPLIFIED_CHINESE)).as(action).isNotBlank();
            assertThat(messages.getMessage("case.action." + action, null, null, Locale.ENGLISH)).as(action).isNotBlank();
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
