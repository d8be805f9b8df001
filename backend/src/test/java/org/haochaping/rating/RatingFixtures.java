package org.haochaping.rating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo subjects' regions, read from the seed, so tests rate in the right place. */
public final class RatingFixtures {

    private static final Map<String, String> REGION_OF_SUBJECT = load();

    private RatingFixtures() {
    }

    public static String regionOf(String subjectId) {
        String region = REGION_OF_SUBJECT.get(subjectId);
        if (region == null) {
            return "140423";
        }
        return region;
    }

    private static Map<String, String> load() {
        try (var in = RatingFixtures.class.getResourceAsStream("/seed/subjects.json")) {
            JsonNode subjects = JsonMapper.builder().build().readTree(in);
            return StreamSupport.stream(subjects.spliterator(), false)
                    .collect(Collectors.toMap(node -> node.get("id").asString(), node -> node.get("regionCode").asString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
