package org.haochaping.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.haochaping.region.RegionTree;
import org.haochaping.system.BoundedCache;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * The subjects (评价对象) of each campaign. A campaign has tens to hundreds of them, so they are
 * read per campaign and filtered and ordered in memory; a county with many thousands would move
 * {@code near} to a 2dsphere query.
 */
@Service
public class SubjectCatalog {

    /** A page of subjects and where the next one starts (null on the last page). */
    public record Page(List<Placed> items, @Nullable Integer nextOffset) {
    }

    /** A subject and, when a point was given, its distance from it. */
    public record Placed(Subject subject, @Nullable Double distanceMeters) {
    }

    private final Subjects subjects;
    private final CampaignCatalog campaigns;
    private final RegionTree regions;
    /** Subject lists of this many campaigns at most (a county runs tens); unknown codes cache as empty lists. */
    private static final int MAX_CACHED_CAMPAIGNS = 200;

    private final Cache<String, List<Subject>> byCampaign;

    SubjectCatalog(Subjects subjects, CampaignCatalog campaigns, RegionTree regions, Clock clock) {
        this.subjects = subjects;
        this.campaigns = campaigns;
        this.regions = regions;
        this.byCampaign = BoundedCache.of(MAX_CACHED_CAMPAIGNS, Duration.ofSeconds(30), clock);
    }

    public Page page(String campaignCode, @Nullable String region, @Nullable GeoPoint near, int offset, int limit) {
        return page(campaignCode, region, near, null, offset, limit);
    }

    /** As {@link #page(String, String, GeoPoint, int, int)}, only subjects whose Chinese or English name contains {@code name}. */
    public Page page(String campaignCode, @Nullable String region, @Nullable GeoPoint near, @Nullable String name,
            int offset, int limit) {
        campaigns.get(campaignCode);
        String wanted = name == null || name.isBlank() ? null : name.strip().toLowerCase(java.util.Locale.ROOT);
        List<Placed> matching = of(campaignCode).stream()
                .filter(subject -> region == null || regions.isWithin(subject.regionCode(), region))
                .filter(subject -> wanted == null || subject.name().zh().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                        || subject.name().en().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .map(subject -> new Placed(subject, near == null || subject.location() == null ? null
                        : near.metersTo(subject.location())))
                .sorted(near == null ? Comparator.comparing((Placed placed) -> placed.subject().id())
                        : Comparator.comparing(Placed::distanceMeters, Comparator.nullsLast(Comparator.naturalOrder()))
                                .thenComparing(placed -> placed.subject().id()))
                .toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(matching.subList(from, to), to < matching.size() ? to : null);
    }

    public Optional<Subject> find(String campaignCode, String subjectId) {
        return of(campaignCode).stream().filter(subject -> subject.id().equals(subjectId)).findFirst();
    }

    private List<Subject> of(String campaignCode) {
        return byCampaign.get(campaignCode, code -> subjects.findByCampaignCode(code, Sort.by("_id")));
    }
}
