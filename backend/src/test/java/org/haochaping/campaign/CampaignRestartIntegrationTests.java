package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.haochaping.HaochapingApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stops and starts the whole application on the same data, as an operator would. */
class CampaignRestartIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void after_a_restart_the_same_ten_campaigns_are_there_with_an_officials_edit() {
        BigDecimal original;
        try (ConfigurableApplicationContext first = start()) {
            Campaigns campaigns = first.getBean(Campaigns.class);
            Campaign campaign = campaigns.findById("property-management").orElseThrow();
            original = campaign.goal("model-compounds").target();
            campaign.reviseGoalTarget("model-compounds", new BigDecimal("5"));
            campaign.suspend();
            campaigns.save(campaign);
        }

        try (ConfigurableApplicationContext second = start()) {
            Campaigns campaigns = second.getBean(Campaigns.class);
            Campaign campaign = campaigns.findById("property-management").orElseThrow();

            assertThat(campaigns.findAllById(CampaignPersistenceIntegrationTests.REPORT_CODES)).hasSize(10);
            assertThat(campaigns.findAll().stream().filter(c -> c.getCode().equals("property-management"))).hasSize(1);
            assertThat(campaign.goal("model-compounds").target()).isEqualByComparingTo("5");
            assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SUSPENDED);

            campaign.reviseGoalTarget("model-compounds", original);
            campaign.resume();
            campaigns.save(campaign);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HaochapingApplication.class)
                .web(WebApplicationType.NONE)
                .run("--haochaping.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }
}
