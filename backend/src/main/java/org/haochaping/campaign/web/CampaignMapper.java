package org.haochaping.campaign.web;

import java.util.List;

import org.haochaping.api.model.CampaignDto;
import org.haochaping.api.model.GoalDto;
import org.haochaping.api.model.RatingFormDto;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.RatingForm;
import org.haochaping.api.model.SubjectDto;
import org.haochaping.campaign.SubjectCatalog;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain campaigns to the API's DTOs; enums and value records map by name. */
@Mapper
interface CampaignMapper {

    @Mapping(target = "ratingForm", expression = "java(toDto(campaign.getRatingForm(), campaign.getFormVersion()))")
    CampaignDto toDto(Campaign campaign);

    /** The form with its revision, which a rating names when it is submitted. */
    @Mapping(target = "version", source = "version")
    RatingFormDto toDto(RatingForm form, int version);

    List<CampaignDto> toDtos(List<Campaign> campaigns);

    GoalDto toDto(Goal goal);

    @Mapping(target = ".", source = "subject")
    @Mapping(target = "distanceMeters", source = "distanceMeters")
    SubjectDto toDto(SubjectCatalog.Placed placed);

    default @Nullable Integer meters(@Nullable Double meters) {
        return meters == null ? null : (int) Math.round(meters);
    }
}
