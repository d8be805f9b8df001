package org.haochaping.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.haochaping.system.BoundedCache;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;

/** The campaigns residents can browse and officials manage: the campaign feature's public API. */
@Service
public class CampaignCatalog {

    /**
     * Far above the number of campaigns a county runs; beyond it the least used go, which only
     * happens when callers ask for codes that do not exist (those are cached too, as empty).
     */
    static final int MAX_CACHED_CODES = 1_000;

    private final Campaigns campaigns;
    private final Cache<String, Optional<Campaign>> forRating;

    CampaignCatalog(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.forRating = BoundedCache.of(MAX_CACHED_CODES, Duration.ofSeconds(5), clock);
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
        forRating.invalidate(code);
    }

    long cachedCodes() {
        return forRating.estimatedSize();
    }
}
