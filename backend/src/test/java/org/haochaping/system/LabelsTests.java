package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.campaign.CampaignStatus;
import org.haochaping.rating.Channel;
import org.haochaping.rating.Origin;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.ReportJob;
import org.haochaping.report.ReportKind;
import org.haochaping.satisfaction.AttainmentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The product's words, read from the backend's messages as the console and the reports read them. */
class LabelsTests {

    private final Labels labels = new Labels(messages());

    @Test
    void every_value_of_the_labelled_codes_has_words_in_chinese_and_english() throws Exception {
        java.util.Properties english = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<Class<? extends Enum<?>>> labelled = List.of(AttainmentStatus.class, CampaignStatus.class, Channel.class,
                Origin.class, ReportKind.class, ReportFormat.class, ReportJob.State.class);
        for (Class<? extends Enum<?>> type : labelled) {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!(value instanceof ReportFormat)) { // CSV and PDF are called so in Chinese too
                    assertThat(labels.of(value)).as(value + " in Chinese").matches(".*\\p{IsHan}.*");
                }
                String outer = value.getDeclaringClass().getEnclosingClass() == null ? ""
                        : value.getDeclaringClass().getEnclosingClass().getSimpleName() + ".";
                assertThat(english).as(value + " in English")
                        .containsKey("label." + outer + value.getDeclaringClass().getSimpleName() + "." + value.name());
            }
        }
    }

    @Test
    void a_nested_enum_is_named_with_its_outer_class() {
        assertThat(labels.of(ReportJob.State.DONE)).isEqualTo("已完成");
        assertThat(labels.of(AttainmentStatus.AT_RISK)).isEqualTo("有风险");
    }

    @Test
    void audit_events_read_as_words_and_refusals_and_repeats_are_worded_from_their_action() {
        assertThat(labels.auditAction("REPORT_EXPORTED")).isEqualTo("生成报表");
        assertThat(labels.auditAction("CASE_CONTACTED_REFUSED")).isEqualTo("差评回访核实（被拒绝）");
        assertThat(labels.auditAction("ACCESS_DENIED_REPEATED")).isEqualTo("拒绝访问（重复多次）");
        assertThat(labels.auditAction("SOMETHING_NEW")).as("a code without words stays the code").isEqualTo("SOMETHING_NEW");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
