package org.haochaping.rating;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which channel a rating came through, decided by the server from the client its access token was
 * issued to, never claimed by the caller: the mobile app's client is {@code APP}; a 12345 hotline
 * integration or an on-site device gets its own client and channel. A token that names no client, or one
 * not configured here, counts as the app ({@code default-channel}).
 *
 * @param clients client id → channel, e.g. {@code haochaping.rating.client-channels.hotline-12345=HOTLINE_12345}
 */
@ConfigurationProperties("haochaping.rating")
public record ChannelOfClient(@DefaultValue Map<String, Channel> clientChannels, @DefaultValue("APP") Channel defaultChannel) {

    public Channel of(@Nullable String clientId) {
        return clientId == null ? defaultChannel : clientChannels.getOrDefault(clientId, defaultChannel);
    }
}
