package org.haochaping.notification.web;

import java.util.Set;

import org.haochaping.api.NotificationsApi;
import org.haochaping.api.model.NotificationPageDto;
import org.haochaping.api.model.NotificationsReadDto;
import org.haochaping.api.model.UnreadCountDto;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.notification.ResidentNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in person's own notifications and marking them read (see api-spec, tag {@code notifications}). */
@RestController
class NotificationController implements NotificationsApi {

    private final ResidentNotifications notifications;
    private final CurrentActor currentActor;
    private final NotificationMapper mapper;
    private final NotificationTexts texts;

    NotificationController(ResidentNotifications notifications, CurrentActor currentActor, NotificationMapper mapper,
            NotificationTexts texts) {
        this.notifications = notifications;
        this.currentActor = currentActor;
        this.mapper = mapper;
        this.texts = texts;
    }

    @Override
    public ResponseEntity<NotificationPageDto> listMyNotifications(String acceptLanguage, @Nullable String cursor, Integer limit) {
        ResidentNotifications.Page page = notifications.newestFirst(currentActor.get(), cursor, limit);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new NotificationPageDto(mapper.toDtos(page.items(), texts), Math.toIntExact(page.unread()))
                        .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<UnreadCountDto> markNotificationsRead(NotificationsReadDto body, String acceptLanguage) {
        Actor reader = currentActor.get();
        long unread = notifications.markRead(reader, body.getUpTo(), body.getIds() == null ? Set.of() : body.getIds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new UnreadCountDto(Math.toIntExact(unread)));
    }
}
