package org.haochaping.satisfaction;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.haochaping.rating.Origin;
import org.haochaping.rating.Rating;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the stored rollups must hold, computed the plain way from the ratings: shares no code with
 * {@link Tally}, the rollup keys or the writer, so a bug there cannot hide in both. Compared with
 * the raw documents of {@code satisfaction_rollups}.
 */
public final class FiguresOracle {

    private FiguresOracle() {
    }

    /** Rollup id → counter path → value (zero counters left out), from the valid ratings. */
    public static Map<String, Map<String, Long>> expectedRollups(List<Rating> ratings, ZoneId zone) {
        Map<String, Map<String, Long>> rollups = new HashMap<>();
        for (Rating rating : ratings) {
            if (rating.invalidated()) {
                continue;
            }
            String campaign = rating.campaignCode();
            List<String> ids = List.of(campaign + "|total|all",
                    campaign + "|day|" + LocalDate.ofInstant(rating.ratedAt(), zone),
                    campaign + "|town|" + (rating.townCode() == null ? "-" : rating.townCode()),
                    campaign + "|subject|" + (rating.subjectId() == null ? "-" : rating.subjectId()));
            for (String id : ids) {
                Map<String, Long> counters = rollups.computeIfAbsent(id, k -> new HashMap<>());
                counters.merge("levels." + rating.level(), 1L, Long::sum);
                if (rating.provenance().origin() == Origin.RESIDENT) {
                    counters.merge("residentLevels." + rating.level(), 1L, Long::sum);
                }
                String tagGroup = rating.level() <= 2 ? "badTags." : "goodTags.";
                for (String tag : rating.reasonTags()) {
                    counters.merge(tagGroup + tag, 1L, Long::sum);
                }
                rating.indicatorScores().forEach((indicator, score) -> {
                    counters.merge("indicatorSums." + indicator, (long) score, Long::sum);
                    counters.merge("indicatorCounts." + indicator, 1L, Long::sum);
                });
            }
        }
        return rollups;
    }

    /** Campaign → distinct residents with a valid rating. */
    public static Map<String, Long> expectedParticipants(List<Rating> ratings) {
        Map<String, Set<String>> residents = new HashMap<>();
        ratings.stream().filter(rating -> !rating.invalidated())
                .forEach(rating -> residents.computeIfAbsent(rating.campaignCode(), c -> new HashSet<>()).add(rating.resident()));
        Map<String, Long> participants = new HashMap<>();
        residents.forEach((campaign, set) -> participants.put(campaign, (long) set.size()));
        return participants;
    }

    /** The stored rollups in the oracle's shape (documents with only zero counters left out). */
    public static Map<String, Map<String, Long>> storedRollups(MongoTemplate mongo) {
        Map<String, Map<String, Long>> stored = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, "satisfaction_rollups")) {
            Map<String, Long> counters = new HashMap<>();
            for (String group : List.of("levels", "residentLevels", "goodTags", "badTags", "indicatorSums", "indicatorCounts")) {
                Document values = document.get(group, Document.class);
                if (values != null) {
                    values.forEach((key, value) -> {
                        long count = ((Number) value).longValue();
                        if (count != 0) {
                            counters.put(group + "." + key, count);
                        }
                    });
                }
            }
            if (!counters.isEmpty()) {
                stored.put(document.getString("_id"), counters);
            }
        }
        return stored;
    }

    /** Campaign → the participants counter of its stored total (zeros left out). */
    public static Map<String, Long> storedParticipants(MongoTemplate mongo) {
        Map<String, Long> participants = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, "satisfaction_rollups")) {
            Object count = document.get("participants");
            if (count instanceof Number number && number.longValue() != 0) {
                participants.put(document.getString("campaignCode"), number.longValue());
            }
        }
        return participants;
    }
}
