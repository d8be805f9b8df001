package org.haochaping.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.haochaping.system.TtlCache;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The campaigns residents can browse and officials manage: the campaign feature's public API. */
@Service
public class CampaignCatalog {

    private final Campaigns campaigns;
    private final TtlCache<String, Optional<Campaign>> forRating;

    CampaignCatalog(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.forRating = new TtlCache<>(Duration.ofSeconds(5), clock);
    }

    /** All campaigns, or those in {@code status}, in the work report's order. */
    public List<Campaign> list(@Nullable CampaignStatus status) {
        return status == null
                ? campaigns.findAll(Campaigns.REPORT_ORDER)
                : campaigns.findByStatus(status, Campaigns.REPORT_ORDER);
    }

    public Campaign get(String code) {
        return campaigns.findById(code).orElseThrow(() -> new CampaignNotFoundException(code));
    }

    /**
     * The campaign as the rating path sees it: cached for a few seconds, since every rating reads
     * it and it changes rarely. Changes made through {@link CampaignStewardship} show at once.
     */
    public Campaign getForRating(String code) {
        return forRating.get(code, campaigns::findById).orElseThrow(() -> new CampaignNotFoundException(code));
    }

    void changed(String code) {
        forRating.evict(code);
    }
}
