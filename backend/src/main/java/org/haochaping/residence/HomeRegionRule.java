package org.haochaping.residence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a resident may choose their home region: the first time freely, then once per interval (90
 * days by default) counted from the last choice. Otherwise one could rate the campaign as a whole
 * for one region, move, and rate it again for another. Choosing the region already held changes
 * nothing (and does not restart the interval). Pure.
 */
public final class HomeRegionRule {

    private final Duration interval;
    private final Clock clock;

    public HomeRegionRule(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** The home region after choosing {@code regionCode}; a {@link HomeRegionRefusedException} when too early. */
    public HomeRegion choose(@Nullable HomeRegion current, String resident, String regionCode) {
        if (current != null && current.regionCode().equals(regionCode)) {
            return current;
        }
        Instant now = clock.instant();
        if (current != null && now.isBefore(changeableFrom(current))) {
            Instant from = changeableFrom(current);
            throw HomeRegionRefusedException.tooEarly(from, from.atZone(clock.getZone()).toLocalDate());
        }
        return new HomeRegion(resident, regionCode, now);
    }

    public Instant changeableFrom(HomeRegion current) {
        return current.chosenAt().plus(interval);
    }

    /** When the next change is possible, or null when it is possible now. */
    public @Nullable Instant nextChangeAt(HomeRegion current) {
        Instant from = changeableFrom(current);
        return clock.instant().isBefore(from) ? from : null;
    }
}
