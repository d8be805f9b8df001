package org.haochaping.campaign.web;

import java.time.Duration;

import org.haochaping.api.CampaignsApi;
import org.haochaping.api.model.CampaignDto;
import org.haochaping.api.model.CampaignListDto;
import org.haochaping.api.model.CampaignStatusDto;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The public campaign endpoints of the mobile API (see api-spec). */
@RestController
class CampaignController implements CampaignsApi {

    /** Campaigns change rarely; a minute of caching spares the phones and the server. */
    private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final CampaignCatalog catalog;
    private final CampaignMapper mapper;

    CampaignController(CampaignCatalog catalog, CampaignMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<CampaignListDto> listCampaigns(String acceptLanguage, @Nullable String ifNoneMatch, @Nullable CampaignStatusDto status) {
        CampaignStatus filter = status == null ? null : CampaignStatus.valueOf(status.name());
        CampaignListDto list = new CampaignListDto(mapper.toDtos(catalog.list(filter)));
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(list);
    }

    @Override
    public ResponseEntity<CampaignDto> getCampaign(String code, String acceptLanguage, @Nullable String ifNoneMatch) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(mapper.toDto(catalog.get(code)));
    }
}
