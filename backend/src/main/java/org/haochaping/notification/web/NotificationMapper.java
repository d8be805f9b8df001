package org.haochaping.notification.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.haochaping.api.model.NotificationDto;
import org.haochaping.notification.Notification;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Notifications as residents read them, their words in the reader's language; the unit's key stays here. */
@Mapper
interface NotificationMapper {

    @Mapping(target = "title", expression = "java(texts.title(notification))")
    @Mapping(target = "body", expression = "java(texts.body(notification))")
    NotificationDto toDto(Notification notification, @Context NotificationTexts texts);

    List<NotificationDto> toDtos(List<Notification> notifications, @Context NotificationTexts texts);

    default OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
