package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import org.haochaping.system.SeedFiles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the ten campaigns of the county work report on first start. It only ever adds campaigns
 * whose code is not stored yet, so a second start adds nothing and an official's changes stay.
 * The report's "this year" is the year of the first start, so a fresh install is live.
 */
@Component
class CampaignSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CampaignSeed.class);
    static final String DEFAULT_SATISFACTION_GOAL = "good-review-rate";

    private final Campaigns campaigns;
    private final JsonMapper json;
    private final Resource seedFile;
    private final Clock clock;

    CampaignSeed(Campaigns campaigns, JsonMapper json, Clock clock,
            @Value("${haochaping.seed.campaigns:classpath:seed/campaigns.json}") Resource seedFile) {
        this.campaigns = campaigns;
        this.json = json;
        this.clock = clock;
        this.seedFile = seedFile;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = load();
        if (added > 0) {
            log.info("Loaded {} campaigns of the county work report from {}", added, seedFile.getDescription());
        }
    }

    /** Adds the seed's campaigns that are not stored yet; returns how many were added. */
    int load() {
        SeedFile seed = read();
        Period thisYear = Period.calendarYear(LocalDate.now(clock).getYear());
        int added = 0;
        for (int i = 0; i < seed.campaigns().size(); i++) {
            SeedCampaign entry = seed.campaigns().get(i);
            if (!campaigns.existsById(entry.code()) && insert(entry.toCampaign(i + 1, thisYear, seed.defaultSatisfactionPercent()))) {
                added++;
            }
        }
        return added;
    }

    /** Another instance starting at the same moment may insert first; that is as good as ours. */
    private boolean insert(Campaign campaign) {
        try {
            campaigns.insert(campaign);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    private SeedFile read() {
        return SeedFiles.read(json, seedFile, SeedFile.class);
    }

    record SeedFile(String source, BigDecimal defaultSatisfactionPercent, List<SeedCampaign> campaigns) {
    }

    record SeedCampaign(String code, LocalizedText name, LocalizedText description, Department leadDepartment,
            List<Goal> goals, RatingForm ratingForm) {

        Campaign toCampaign(int rank, Period period, BigDecimal defaultSatisfactionPercent) {
            List<Goal> all = new ArrayList<>(goals);
            all.add(Goal.satisfaction(DEFAULT_SATISFACTION_GOAL, defaultSatisfactionPercent));
            return Campaign.launch(code, rank, name, description, leadDepartment, period, all, ratingForm);
        }
    }
}
