package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The server decides a rating's channel from the client its token was issued to. */
class ChannelOfClientTests {

    private final ChannelOfClient channels = new ChannelOfClient(
            Map.of("hotline-12345", Channel.HOTLINE_12345, "hall-device", Channel.ON_SITE_DEVICE), Channel.APP);

    @Test
    void a_configured_client_rates_through_its_channel() {
        assertThat(channels.of("hotline-12345")).isEqualTo(Channel.HOTLINE_12345);
        assertThat(channels.of("hall-device")).isEqualTo(Channel.ON_SITE_DEVICE);
    }

    @Test
    void the_app_an_unknown_client_and_a_token_without_a_client_count_as_the_default() {
        assertThat(channels.of("haochaping-mobile")).isEqualTo(Channel.APP);
        assertThat(channels.of("someone-elses-app")).isEqualTo(Channel.APP);
        assertThat(channels.of(null)).isEqualTo(Channel.APP);
    }
}
