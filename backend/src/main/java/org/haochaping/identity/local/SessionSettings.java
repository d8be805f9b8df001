package org.haochaping.identity.local;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the embedded provider keeps an app signed in, under {@code haochaping.identity}.
 *
 * @param refreshTokenIdleLifetime how long a mobile refresh token lives unused; every refresh issues a new one
 * @param refreshTokenAbsoluteLifetime how long a sign-in lasts at most, however often it is refreshed,
 *        counted from the sign-in with the password
 */
@ConfigurationProperties("haochaping.identity")
record SessionSettings(
        @DefaultValue("30d") Duration refreshTokenIdleLifetime,
        @DefaultValue("90d") Duration refreshTokenAbsoluteLifetime) {
}
