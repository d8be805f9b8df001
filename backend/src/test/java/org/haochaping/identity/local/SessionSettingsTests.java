package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SessionSettingsTests {

    @Test
    void a_sign_in_lasts_90_days_and_a_refresh_token_30_idle_days_by_default() {
        SessionSettings settings = bind(Map.of());

        assertThat(settings.refreshTokenAbsoluteLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.refreshTokenIdleLifetime()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void both_lifetimes_are_configurable() {
        SessionSettings settings = bind(Map.of("haochaping.identity.refresh-token-absolute-lifetime", "14d",
                "haochaping.identity.refresh-token-idle-lifetime", "7d"));

        assertThat(settings.refreshTokenAbsoluteLifetime()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.refreshTokenIdleLifetime()).isEqualTo(Duration.ofDays(7));
    }

    private static SessionSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("haochaping.identity", SessionSettings.class);
    }
}
