package org.haochaping.campaign.web;

import java.time.Duration;

import org.haochaping.api.SubjectsApi;
import org.haochaping.api.model.SubjectPageDto;
import org.haochaping.campaign.GeoPoint;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.system.web.OffsetCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/campaigns/{code}/subjects}: what can be rated, nearest first when asked. */
@RestController
class SubjectController implements SubjectsApi {

    private final SubjectCatalog subjects;
    private final CampaignMapper mapper;

    SubjectController(SubjectCatalog subjects, CampaignMapper mapper) {
        this.subjects = subjects;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<SubjectPageDto> listSubjects(String code, String acceptLanguage, @Nullable String ifNoneMatch, @Nullable String region, @Nullable Double lat, @Nullable Double lng, @Nullable String q, @Nullable String cursor, Integer limit) {
        if ((lat == null) != (lng == null)) {
            throw new org.haochaping.system.problem.InvalidParameterException(lat == null ? "lat" : "lng");
        }
        SubjectCatalog.Page page = subjects.page(code, region, lat == null ? null : new GeoPoint(lat, lng), q,
                OffsetCursor.decode(cursor), limit);
        SubjectPageDto body = new SubjectPageDto(page.items().stream().map(mapper::toDto).toList())
                .nextCursor(page.nextOffset() == null ? null : OffsetCursor.encode(page.nextOffset()));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic()).body(body);
    }
}
