package org.haochaping.campaign;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The campaigns residents can browse and officials manage: the campaign feature's public API. */
@Service
public class CampaignCatalog {

    private final Campaigns campaigns;

    CampaignCatalog(Campaigns campaigns) {
        this.campaigns = campaigns;
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
}
