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
    public ResponseEntity<SubjectPageDto> listSubjects(String code, @Nullable String region, @Nullable String near,
            @Nullable String cursor, Integer limit) {
        SubjectCatalog.Page page = subjects.page(code, region, near == null ? null : point(near),
                OffsetCursor.decode(cursor), limit);
        SubjectPageDto body = new SubjectPageDto(page.items().stream().map(mapper::toDto).toList())
                .nextCursor(page.nextOffset() == null ? null : OffsetCursor.encode(page.nextOffset()));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic()).body(body);
    }

    private static GeoPoint point(String latLng) {
        String[] parts = latLng.split(",");
        try {
            return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (IllegalArgumentException outOfRange) {
            throw new org.haochaping.system.problem.InvalidParameterException("near");
        }
    }
}
