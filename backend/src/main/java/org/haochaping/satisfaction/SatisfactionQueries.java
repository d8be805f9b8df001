package org.haochaping.satisfaction;

import org.haochaping.campaign.CampaignCatalog;
import org.springframework.stereotype.Service;

/** Satisfaction figures read from the rollups, never from raw ratings. */
@Service
public class SatisfactionQueries {

    private final RollupBuffer rollups;
    private final CampaignCatalog campaigns;

    SatisfactionQueries(RollupBuffer rollups, CampaignCatalog campaigns) {
        this.rollups = rollups;
        this.campaigns = campaigns;
    }

    /** All valid ratings of a campaign: the public 评价结果. */
    public Tally campaignTotal(String campaignCode) {
        campaigns.getForRating(campaignCode);
        return rollups.read(RollupKey.total(campaignCode));
    }
}
