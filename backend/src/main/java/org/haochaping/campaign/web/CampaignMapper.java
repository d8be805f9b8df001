package org.haochaping.campaign.web;

import java.util.List;

import org.haochaping.api.model.CampaignDto;
import org.haochaping.api.model.GoalDto;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Goal;
import org.mapstruct.Mapper;

/** Domain campaigns to the API's DTOs; enums and value records map by name. */
@Mapper
interface CampaignMapper {

    CampaignDto toDto(Campaign campaign);

    List<CampaignDto> toDtos(List<Campaign> campaigns);

    GoalDto toDto(Goal goal);
}
