package org.haochaping.rating.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.haochaping.api.model.HandlingStepDto;
import org.haochaping.api.model.LocalizedTextDto;
import org.haochaping.api.model.RatingDto;
import org.haochaping.api.model.RatingHandlingDto;
import org.haochaping.rating.Rating;
import org.haochaping.rating.ReviewProgress;
import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Ratings as residents see them: provenance, keys and the rater's identity stay on the server; a
 * 差评's handling is added from its case, with its words in the caller's language.
 */
@Mapper
interface RatingMapper {

    @Mapping(target = "handling", ignore = true)
    RatingDto toDto(Rating rating);

    List<RatingDto> toDtos(List<Rating> ratings);

    @Mapping(target = "status", source = "stage")
    @Mapping(target = "statusText", expression = "java(texts.status(progress))")
    RatingHandlingDto toHandling(ReviewProgress progress, @Context HandlingTexts texts);

    @Mapping(target = "title", expression = "java(texts.title(step))")
    HandlingStepDto toStep(ReviewProgress.Step step, @Context HandlingTexts texts);

    LocalizedTextDto toText(LocalizedText text);

    /** A campaign's current form with its revision: what a {@code FORM_CHANGED} problem carries. */
    @Mapping(target = "version", source = "version")
    org.haochaping.api.model.RatingFormDto toForm(org.haochaping.campaign.RatingForm form, int version);

    default @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
