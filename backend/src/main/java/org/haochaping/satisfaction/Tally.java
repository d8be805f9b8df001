package org.haochaping.satisfaction;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.haochaping.rating.Levels;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Rating;

/**
 * The counts behind every satisfaction figure, for one slice of ratings (a campaign, a day, a
 * town, a subject): ratings per level, the same for ratings residents gave themselves, reason tags
 * and indicator sums. Tallies add up, so incremental upkeep and a rebuild from raw ratings give the
 * same numbers. Keys of the maps are strings because they become MongoDB field names.
 */
public record Tally(Map<String, Long> levels, Map<String, Long> residentLevels, Map<String, Long> goodTags,
        Map<String, Long> badTags, Map<String, Long> indicatorSums, Map<String, Long> indicatorCounts) {

    /** Zero counters are left out: an invalidation that takes a reason's last 差评 away takes the reason away. */
    public Tally {
        levels = nonZero(levels);
        residentLevels = nonZero(residentLevels);
        goodTags = nonZero(goodTags);
        badTags = nonZero(badTags);
        indicatorSums = nonZero(indicatorSums);
        indicatorCounts = nonZero(indicatorCounts);
    }

    private static Map<String, Long> nonZero(Map<String, Long> counters) {
        if (!counters.containsValue(0L)) {
            return Map.copyOf(counters);
        }
        Map<String, Long> nonZero = new TreeMap<>(counters);
        nonZero.values().removeIf(value -> value == 0);
        return Map.copyOf(nonZero);
    }

    public static final Tally EMPTY = new Tally(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** What one valid rating adds; an invalidated rating adds nothing. */
    public static Tally of(Rating rating) {
        return rating.invalidated() ? EMPTY : counting(rating);
    }

    /** What the rating adds while it is valid (and so what its invalidation takes away). */
    public static Tally counting(Rating rating) {
        String level = String.valueOf(rating.level());
        Map<String, Long> tags = new TreeMap<>();
        rating.reasonTags().forEach(tag -> tags.merge(tag, 1L, Long::sum));
        Map<String, Long> sums = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        rating.indicatorScores().forEach((indicator, score) -> {
            sums.put(indicator, score.longValue());
            counts.put(indicator, 1L);
        });
        return new Tally(Map.of(level, 1L),
                rating.provenance().origin() == Origin.RESIDENT ? Map.of(level, 1L) : Map.of(),
                Levels.isBad(rating.level()) ? Map.of() : tags,
                Levels.isBad(rating.level()) ? tags : Map.of(),
                sums, counts);
    }

    public Tally plus(Tally other) {
        return new Tally(sum(levels, other.levels), sum(residentLevels, other.residentLevels),
                sum(goodTags, other.goodTags), sum(badTags, other.badTags),
                sum(indicatorSums, other.indicatorSums), sum(indicatorCounts, other.indicatorCounts));
    }

    /** The tally with every counter multiplied by {@code factor} (-1 subtracts it). */
    public Tally times(long factor) {
        return new Tally(scaled(levels, factor), scaled(residentLevels, factor), scaled(goodTags, factor),
                scaled(badTags, factor), scaled(indicatorSums, factor), scaled(indicatorCounts, factor));
    }

    public long count() {
        return total(levels);
    }

    public long count(int level) {
        return levels.getOrDefault(String.valueOf(level), 0L);
    }

    /** 好评: ratings at the levels {@link Levels#isGood} names. */
    public long goodCount() {
        return levelsWhere(levels, Levels::isGood);
    }

    /** 差评: ratings at the levels {@link Levels#isBad} names. */
    public long badCount() {
        return levelsWhere(levels, Levels::isBad);
    }

    /** Ratings residents gave themselves (origin RESIDENT). */
    public long residentCount() {
        return total(residentLevels);
    }

    /** 好评 among the ratings residents gave themselves. */
    public long residentGoodCount() {
        return levelsWhere(residentLevels, Levels::isGood);
    }

    public long residentCount(int level) {
        return residentLevels.getOrDefault(String.valueOf(level), 0L);
    }

    public boolean isEmpty() {
        return count() == 0;
    }

    /** Visits every counter as (MongoDB field path, value), e.g. ("badTags.many-visits", 3). */
    public void forEachField(BiConsumer<String, Long> field) {
        levels.forEach((key, value) -> field.accept("levels." + key, value));
        residentLevels.forEach((key, value) -> field.accept("residentLevels." + key, value));
        goodTags.forEach((key, value) -> field.accept("goodTags." + key, value));
        badTags.forEach((key, value) -> field.accept("badTags." + key, value));
        indicatorSums.forEach((key, value) -> field.accept("indicatorSums." + key, value));
        indicatorCounts.forEach((key, value) -> field.accept("indicatorCounts." + key, value));
    }

    /** The inverse of {@link #forEachField}: a tally from its field paths and values. */
    public static Tally fromFields(Map<String, Long> fields) {
        Map<String, Map<String, Long>> groups = new java.util.HashMap<>();
        fields.forEach((path, value) -> {
            int dot = path.indexOf('.');
            groups.computeIfAbsent(path.substring(0, dot), group -> new TreeMap<>()).put(path.substring(dot + 1), value);
        });
        return new Tally(groups.getOrDefault("levels", Map.of()), groups.getOrDefault("residentLevels", Map.of()),
                groups.getOrDefault("goodTags", Map.of()), groups.getOrDefault("badTags", Map.of()),
                groups.getOrDefault("indicatorSums", Map.of()), groups.getOrDefault("indicatorCounts", Map.of()));
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((key, value) -> sum.merge(key, value, Long::sum));
        return sum;
    }

    private static long levelsWhere(Map<String, Long> counts, java.util.function.IntPredicate levelMatches) {
        return counts.entrySet().stream().filter(entry -> levelMatches.test(Integer.parseInt(entry.getKey())))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> scaled(Map<String, Long> counts, long factor) {
        Map<String, Long> scaled = new TreeMap<>();
        counts.forEach((key, value) -> scaled.put(key, value * factor));
        return scaled;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
