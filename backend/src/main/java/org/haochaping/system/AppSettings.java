package org.haochaping.system;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the mobile app asks the server at start ({@code GET /api/v1/app/config}), set by the operator:
 * the oldest app version still served (older ones ask the resident to update), the newest, notices to
 * show, and where the privacy notice is.
 *
 * @param privacyNoticeUrl absent: the notice this server serves itself ({@code /api/v1/app/privacy-notice})
 */
@ConfigurationProperties("haochaping.app")
public record AppSettings(
        @DefaultValue("1.0.0") String minimumSupportedVersion,
        @DefaultValue("1.0.0") String latestVersion,
        @DefaultValue List<Announcement> announcements,
        @Nullable String privacyNoticeUrl) {

    /** A notice the app shows between {@code from} and {@code until} (either open), in Chinese and English. */
    public record Announcement(String id, String titleZh, @Nullable String titleEn, String bodyZh, @Nullable String bodyEn,
            @Nullable Instant from, @Nullable Instant until) {

        public boolean showsAt(Instant now) {
            return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
        }
    }

    /** The announcements to show now, in the order configured. */
    public List<Announcement> current(Instant now) {
        return announcements.stream().filter(announcement -> announcement.showsAt(now)).toList();
    }
}
