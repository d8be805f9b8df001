package org.haochaping.rating.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.haochaping.api.model.RatingDto;
import org.haochaping.rating.Rating;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;

/** Ratings as residents see them: provenance, keys and the rater's identity stay on the server. */
@Mapper
interface RatingMapper {

    RatingDto toDto(Rating rating);

    List<RatingDto> toDtos(List<Rating> ratings);

    default @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
