package org.haochaping.system.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.haochaping.api.AppApi;
import org.haochaping.api.model.AnnouncementDto;
import org.haochaping.api.model.AppConfigDto;
import org.haochaping.api.model.LocalizedTextDto;
import org.haochaping.system.AppSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** What the app asks at start, and the privacy notice this server serves unless the operator links another. */
@RestController
class AppController implements AppApi {

    static final String OWN_PRIVACY_NOTICE = "/api/v1/app/privacy-notice";

    private final AppSettings settings;
    private final Clock clock;

    AppController(AppSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<AppConfigDto> getAppConfig() {
        var announcements = settings.current(clock.instant()).stream()
                .map(a -> new AnnouncementDto(a.id(), text(a.titleZh(), a.titleEn()), text(a.bodyZh(), a.bodyEn()))
                        .until(a.until() == null ? null : a.until().atOffset(ZoneOffset.UTC)))
                .toList();
        AppConfigDto body = new AppConfigDto(settings.minimumSupportedVersion(), settings.latestVersion(), announcements,
                settings.privacyNoticeUrl() == null ? OWN_PRIVACY_NOTICE : settings.privacyNoticeUrl());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
    }

    @Override
    public ResponseEntity<String> getPrivacyNotice() {
        try {
            String page = new ClassPathResource("app/privacy-notice.html").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(page);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    private static LocalizedTextDto text(String zh, @org.jspecify.annotations.Nullable String en) {
        return new LocalizedTextDto(zh, en == null ? zh : en);
    }
}
