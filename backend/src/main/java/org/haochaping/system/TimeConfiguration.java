package org.haochaping.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole system, in the county's time zone; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(HaochapingProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
