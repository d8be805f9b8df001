package org.haochaping.satisfaction;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.stream.IntStream;

import org.haochaping.rating.Levels;

/**
 * The satisfaction figures, defined once (see README): computed from a {@link Tally}, so the
 * dashboard, the public summary, exports and goal attainment all mean the same thing.
 */
public final class SatisfactionMetrics {

    private SatisfactionMetrics() {
    }

    /** 好评率: % of valid ratings at levels 3-5; 0 when there are none. */
    public static double goodRate(Tally tally) {
        return percent(tally.goodCount(), tally.count());
    }

    /** 差评率: % of valid ratings at levels 1-2. */
    public static double badRate(Tally tally) {
        return percent(tally.badCount(), tally.count());
    }

    /** 主动评价好评率: 好评率 over the ratings residents gave themselves (origin RESIDENT). */
    public static double activeGoodRate(Tally tally) {
        return percent(tally.residentGoodCount(), tally.residentCount());
    }

    /** Satisfaction index 0-100: the mean of (level − 1) / 4 × 100; 0 when there are no ratings. */
    public static double satisfactionIndex(Tally tally) {
        long count = tally.count();
        if (count == 0) {
            return 0;
        }
        double points = IntStream.rangeClosed(Levels.MIN, Levels.MAX)
                .mapToDouble(level -> tally.count(level) * Levels.indexPoints(level)).sum();
        return points / count;
    }

    /** Mean score (1-5) of each indicator over the ratings that scored it. */
    public static Map<String, Double> indicatorAverages(Tally tally) {
        return tally.indicatorSums().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                entry -> (double) entry.getValue() / tally.indicatorCounts().getOrDefault(entry.getKey(), 1L)));
    }

    /** The most given reason tags of 差评, most frequent first (ties by code). */
    public static List<Map.Entry<String, Long>> topBadReasons(Tally tally, int limit) {
        return tally.badTags().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
