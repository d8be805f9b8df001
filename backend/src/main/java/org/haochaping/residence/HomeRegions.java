package org.haochaping.residence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ResidentErased;
import org.haochaping.identity.Role;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The residents' home regions: the one the identity provider vouches for (a known region code in
 * the configured claim) wins; else the one chosen in the app, kept in {@code home_regions}.
 */
@Service
public class HomeRegions {

    public enum Source { PROVIDER, CHOSEN, NONE }

    /** @param changeableFrom for a chosen region, when it may next be changed; null when now */
    public record View(@Nullable String regionCode, Source source, @Nullable Instant changeableFrom) {
    }

    private final HomeRegionStore store;
    private final RegionTree regions;
    private final AccessGuard guard;
    private final HomeRegionRule rule;

    HomeRegions(HomeRegionStore store, RegionTree regions, AccessGuard guard, Clock clock,
            @Value("${haochaping.residence.home-region-change-interval:90d}") Duration changeInterval) {
        this.store = store;
        this.regions = regions;
        this.guard = guard;
        this.rule = new HomeRegionRule(changeInterval, clock);
    }

    public View current(Actor resident) {
        guard.require(resident.has(Role.RESIDENT), resident, "READ_HOME_REGION", "me");
        if (vouched(resident.homeRegion()) != null) {
            return new View(resident.homeRegion(), Source.PROVIDER, null);
        }
        return store.findById(resident.subject())
                .map(chosen -> new View(chosen.regionCode(), Source.CHOSEN, rule.nextChangeAt(chosen)))
                .orElse(new View(null, Source.NONE, null));
    }

    public View choose(Actor resident, String regionCode) {
        guard.require(resident.has(Role.RESIDENT), resident, "CHOOSE_HOME_REGION", "me");
        if (vouched(resident.homeRegion()) != null) {
            throw HomeRegionRefusedException.setByProvider();
        }
        var region = regions.find(regionCode).orElseThrow(() -> HomeRegionRefusedException.unknown(regionCode));
        if (region.level() == RegionLevel.COUNTY) {
            throw HomeRegionRefusedException.tooCoarse();
        }
        HomeRegion current = store.findById(resident.subject()).orElse(null);
        HomeRegion chosen = rule.choose(current, resident.subject(), regionCode);
        if (chosen != current) {
            store.save(chosen);
        }
        return new View(chosen.regionCode(), Source.CHOSEN, rule.nextChangeAt(chosen));
    }

    /**
     * The home region ratings of {@code resident} count for.
     *
     * @param vouchedByProvider the provider's claim, if the caller carried one
     */
    public Optional<String> of(String resident, @Nullable String vouchedByProvider) {
        String vouched = vouched(vouchedByProvider);
        return vouched != null ? Optional.of(vouched) : store.findById(resident).map(HomeRegion::regionCode);
    }

    /** The home region the resident chose in the app, if any: part of what the system holds about them. */
    public Optional<HomeRegion> chosenBy(String resident) {
        return store.findById(resident);
    }

    /** An erased account's chosen home region goes with it. */
    @EventListener
    void forget(ResidentErased erased) {
        store.deleteById(erased.subject());
    }

    /** For the demo generator's synthetic residents: settles a home region unless one is held. In-process only. */
    public String settleGenerated(String resident, String regionCode, Instant at) {
        return store.findById(resident).orElseGet(() -> store.save(new HomeRegion(resident, regionCode, at))).regionCode();
    }

    private @Nullable String vouched(@Nullable String claim) {
        return claim != null && regions.exists(claim) ? claim : null;
    }
}
