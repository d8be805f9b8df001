package org.haochaping.region.web;

import java.util.List;

import org.haochaping.api.model.RegionDto;
import org.haochaping.region.Region;
import org.mapstruct.Mapper;

@Mapper
interface RegionMapper {

    RegionDto toDto(Region region);

    List<RegionDto> toDtos(List<Region> regions);
}
