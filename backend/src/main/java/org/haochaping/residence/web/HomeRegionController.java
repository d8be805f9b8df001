package org.haochaping.residence.web;

import java.time.ZoneOffset;

import org.haochaping.api.HomeRegionApi;
import org.haochaping.api.model.HomeRegionChoiceDto;
import org.haochaping.api.model.HomeRegionDto;
import org.haochaping.identity.CurrentActor;
import org.haochaping.residence.HomeRegions;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The resident's home region ({@code /api/v1/me/home-region}); rules are {@link HomeRegions}'. */
@RestController
class HomeRegionController implements HomeRegionApi {

    private final HomeRegions homes;
    private final CurrentActor currentActor;

    HomeRegionController(HomeRegions homes, CurrentActor currentActor) {
        this.homes = homes;
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<HomeRegionDto> getHomeRegion(String acceptLanguage) {
        return answer(homes.current(currentActor.get()));
    }

    @Override
    public ResponseEntity<HomeRegionDto> chooseHomeRegion(HomeRegionChoiceDto choice, String acceptLanguage) {
        return answer(homes.choose(currentActor.get(), choice.getRegionCode()));
    }

    private static ResponseEntity<HomeRegionDto> answer(HomeRegions.View view) {
        HomeRegionDto body = new HomeRegionDto(HomeRegionDto.SourceEnum.fromValue(view.source().name()))
                .regionCode(view.regionCode())
                .changeableFrom(view.changeableFrom() == null ? null : view.changeableFrom().atOffset(ZoneOffset.UTC));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
