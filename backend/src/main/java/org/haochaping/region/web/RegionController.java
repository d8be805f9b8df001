package org.haochaping.region.web;

import java.time.Duration;

import org.haochaping.api.RegionsApi;
import org.haochaping.api.model.RegionListDto;
import org.haochaping.region.RegionTree;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/regions}: the region tree, public and long-cacheable. */
@RestController
class RegionController implements RegionsApi {

    private final RegionTree regions;
    private final RegionMapper mapper;

    RegionController(RegionTree regions, RegionMapper mapper) {
        this.regions = regions;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<RegionListDto> listRegions(String acceptLanguage, @Nullable String ifNoneMatch) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new RegionListDto(mapper.toDtos(regions.all())));
    }
}
