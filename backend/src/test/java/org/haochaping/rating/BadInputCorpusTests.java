package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.haochaping.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * A generated corpus of bad input (random JSON, wrong types, overlong strings, unknown enum values
 * and tags, missing and duplicate keys, oversize bodies and images, wrong content types, disguised
 * files): every case must get a 4xx problem+json with a code, never a 500, and store nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTests {

    /** A case: what is sent, and a name saying what is wrong with it. */
    record Case(String name, String contentType, byte[] body, boolean withKey) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long SEED = 140423L;

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    MongoTemplate mongo;

    long ratingsBefore;
    long photosBefore;

    @BeforeAll
    void countStored() {
        ratingsBefore = mongo.getCollection("ratings").countDocuments();
        photosBefore = mongo.getCollection("fs.files").countDocuments();
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(mongo.getCollection("ratings").countDocuments()).isEqualTo(ratingsBefore);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(photosBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ratingCorpus")
    void bad_ratings_get_a_4xx_problem_and_store_nothing(Case bad) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/ratings")
                .header("Authorization", "Bearer " + tokens.resident("corpus-" + UUID.randomUUID()))
                .contentType(bad.contentType())
                .content(bad.body());
        if (bad.withKey()) {
            request.header("Idempotency-Key", "corpus-" + UUID.randomUUID());
        }

        assertProblem(mvc.perform(request).andReturn().getResponse(), bad.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploadCorpus")
    void bad_uploads_get_a_4xx_problem_and_store_nothing(Case bad) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/api/v1/media")
                        .file(new MockMultipartFile("file", "photo.jpg", bad.contentType(), bad.body()))
                        .header("Authorization", "Bearer " + tokens.resident("corpus-" + UUID.randomUUID())))
                .andReturn().getResponse();

        assertProblem(response, bad.name());
    }

    private static void assertProblem(MockHttpServletResponse response, String name) throws Exception {
        assertThat(response.getStatus()).as(name).isBetween(400, 499);
        assertThat(response.getContentType()).as(name).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<?, ?> problem = JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
        assertThat(problem.get("code")).as(name).isNotNull();
        assertThat(String.valueOf(problem.get("type"))).as(name).startsWith("https://haochaping.org/problems/");
    }

    Stream<Case> ratingCorpus() {
        List<Case> corpus = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < 60; i++) {
            corpus.add(json("random JSON #" + i, randomValue(random, 0)));
        }
        Map<String, Object> valid = valid();
        List<Object> wrongValues = List.of(123, "text", true, List.of(), Map.of(), 1.5, -7);
        valid.keySet().forEach(field -> wrongValues.forEach(value -> {
            if (!sameKind(valid.get(field), value)) {
                corpus.add(json("wrong type: " + field + "=" + value, with(valid, field, value)));
            }
        }));
        corpus.add(json("overlong comment", with(valid, "comment", "差".repeat(501))));
        corpus.add(json("overlong reason tag", with(valid, "reasonTags", List.of("x".repeat(41)))));
        corpus.add(json("overlong case number", with(valid, "caseNumber", "C".repeat(41))));
        corpus.add(json("overlong campaign code", with(valid, "campaignCode", "a".repeat(65))));
        corpus.add(json("overlong subject id", with(valid, "subjectId", "p".repeat(65))));
        corpus.add(json("too many photos", with(valid, "photoIds", List.of("a".repeat(24), "b".repeat(24), "c".repeat(24),
                "d".repeat(24)))));
        corpus.add(json("unknown photo", with(valid, "photoIds", List.of("0123456789abcdef01234567"))));
        corpus.add(json("unknown channel", with(valid, "channel", "FAX")));
        for (Object level : List.of(0, 6, -1, 3.5, 100000)) {
            corpus.add(json("level " + level, with(valid, "level", level)));
        }
        corpus.add(json("unknown reason tag", with(valid, "reasonTags", List.of("bribery-was-demanded"))));
        corpus.add(json("good tag on a bad review", with(valid, "reasonTags", List.of("clean"))));
        corpus.add(json("unknown indicator", with(valid, "indicatorScores", Map.of("karma", 3))));
        corpus.add(json("indicator score 9", with(valid, "indicatorScores", Map.of("overall", 9))));
        corpus.add(json("unknown region", with(valid, "regionCode", "999999999")));
        corpus.add(json("unknown campaign", with(valid, "campaignCode", "no-such-campaign")));
        corpus.add(json("unknown field", with(valid, "isAdmin", true)));
        corpus.add(json("rated in the future", with(valid, "clientSubmittedAt", "2099-01-01T00:00:00Z")));
        corpus.add(json("not a date", with(valid, "clientSubmittedAt", "yesterday")));
        for (String field : List.of("campaignCode", "regionCode", "level")) {
            Map<String, Object> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            corpus.add(json("missing " + field, missing));
        }
        corpus.add(new Case("missing Idempotency-Key", MediaType.APPLICATION_JSON_VALUE, bytes(valid), false));
        corpus.add(text("duplicate JSON key", "{\"campaignCode\":\"property-management\",\"level\":5,\"level\":1,"
                + "\"subjectId\":\"pm-001\",\"regionCode\":\"" + RatingFixtures.regionOf("pm-001") + "\",\"reasonTags\":[\"dirty\"]}"));
        corpus.add(text("truncated JSON", "{\"campaignCode\":\"property-management\",\"level\":"));
        corpus.add(text("trailing garbage", new String(bytes(valid), StandardCharsets.UTF_8) + "}}"));
        corpus.add(text("empty body", ""));
        corpus.add(text("JSON null", "null"));
        corpus.add(new Case("invalid UTF-8", MediaType.APPLICATION_JSON_VALUE,
                new byte[] {'{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, true));
        corpus.add(new Case("oversize body", MediaType.APPLICATION_JSON_VALUE,
                bytes(with(valid, "comment", "x".repeat(100_000))), true));
        corpus.add(new Case("wrong content type: text/plain", MediaType.TEXT_PLAIN_VALUE, bytes(valid), true));
        corpus.add(new Case("wrong content type: XML", MediaType.APPLICATION_XML_VALUE,
                "<rating><level>5</level></rating>".getBytes(StandardCharsets.UTF_8), true));
        corpus.add(new Case("wrong content type: form", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "level=5&campaignCode=property-management".getBytes(StandardCharsets.UTF_8), true));
        return corpus.stream();
    }

    Stream<Case> uploadCorpus() {
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(4, 4), 0, big, 0, 100);
        return Stream.of(
                new Case("text disguised as a JPEG", "image/jpeg", TestImages.textDisguisedAsJpeg(), true),
                new Case("HTML disguised as a PNG", "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), true),
                new Case("a GIF", "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0}, true),
                new Case("PNG signature and garbage", "image/png", TestImages.brokenPng(), true),
                new Case("a decompression bomb", "image/png", TestImages.pngClaimingHugeDimensions(), true),
                new Case("an oversize image", "image/jpeg", big, true),
                new Case("an empty file", "image/jpeg", new byte[0], true));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("campaignCode", "property-management");
        valid.put("subjectId", "pm-001");
        valid.put("regionCode", RatingFixtures.regionOf("pm-001"));
        valid.put("level", 2);
        valid.put("reasonTags", List.of("dirty"));
        valid.put("indicatorScores", Map.of("overall", 2));
        valid.put("comment", "楼道很脏");
        valid.put("channel", "APP");
        valid.put("caseNumber", "CASE-0001");
        return valid;
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    private static boolean sameKind(Object a, Object b) {
        return a instanceof Number && b instanceof Integer || a instanceof String && b instanceof String
                || a instanceof List && b instanceof List || a instanceof Map && b instanceof Map;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 4 : 6);
        return switch (kind) {
            case 0 -> random.nextInt();
            case 1 -> random.ints(random.nextInt(12), 0x20, 0x9FA5).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case 2 -> random.nextBoolean();
            case 3 -> random.nextDouble() * 1e6;
            case 4 -> Stream.generate(() -> randomValue(random, depth + 1)).limit(random.nextInt(4)).toList();
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                List<String> names = List.of("level", "campaignCode", "regionCode", "x", "subjectId", "reasonTags", "评价");
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.put(names.get(random.nextInt(names.size())), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static Case json(String name, Object value) {
        return new Case(name, MediaType.APPLICATION_JSON_VALUE, bytes(value), true);
    }

    private static Case text(String name, String json) {
        return new Case(name, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8), true);
    }

    private static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
