package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.identity.Actor;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.identity.Tokens;
import org.haochaping.media.TestImages;
import org.haochaping.system.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * A generated corpus of bad input (random JSON, wrong types, overlong strings, unknown enum values
 * and tags, missing and duplicate keys, oversize bodies and images, wrong content types, disguised
 * files): every case gets the status and problem code it deserves (never a 500), names the field
 * when it is one field's fault, and stores nothing. The unchanged request each family is derived
 * from is accepted, so each case fails for what was changed and nothing else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTests {

    /** The answer a case deserves: a status, a problem code and, for invalid input, the field named first. */
    record Expected(int status, String code, @Nullable String field) {
        static Expected invalid(@Nullable String field) {
            return new Expected(400, "INVALID_INPUT", field);
        }

        static Expected problem(int status, String code) {
            return new Expected(status, code, null);
        }
    }

    /** A case: what is sent, a name saying what is wrong with it, and the answer it deserves (none for a control). */
    record Case(String name, String contentType, byte[] body, boolean withKey, @Nullable Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Expected MALFORMED = Expected.problem(400, "MALFORMED_BODY");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long SEED = 140423L;

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RatingSubmission submission;
    @Autowired
    BadReviewHandling handling;
    @Autowired
    PhotoLibrary photos;

    /** A resident whose 差评's fix awaits their re-rating: the re-rating corpus is sent as them, and must change nothing. */
    Actor rater;
    String awaitingRerating;
    /** Another resident's, for the positive control. */
    Actor controlRater;
    String controlCase;
    long ratingsBefore;
    long photosBefore;
    /** What the positive controls stored: everything else must store nothing. */
    long ratingsAccepted;
    long photosAccepted;

    @BeforeAll
    void countStored() {
        CaseFixtures cases = new CaseFixtures(submission, handling, photos);
        rater = CaseFixtures.resident("corpus-rater-" + UUID.randomUUID());
        awaitingRerating = cases.badReview(rater, "pm-012", List.of());
        cases.disposed(awaitingRerating, CaseFixtures.townHandler("corpus-handler"), DispositionKind.EXPLANATION);
        controlRater = CaseFixtures.resident("corpus-control-" + UUID.randomUUID());
        controlCase = cases.badReview(controlRater, "pm-013", List.of());
        cases.disposed(controlCase, CaseFixtures.townHandler("corpus-handler"), DispositionKind.EXPLANATION);
        ratingsBefore = mongo.getCollection("ratings").countDocuments();
        photosBefore = mongo.getCollection("fs.files").countDocuments();
    }

    @AfterAll
    void onlyTheControlsWereStored() {
        assertThat(mongo.getCollection("ratings").countDocuments()).isEqualTo(ratingsBefore + ratingsAccepted);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(photosBefore + photosAccepted);
        BadReviewCase untouched = handling.ofMyRating(rater, awaitingRerating).orElseThrow();
        assertThat(untouched.getStatus()).isEqualTo(CaseStatus.AWAITING_RERATING);
        assertThat(untouched.getReratings()).isEmpty();
    }

    @Test
    void the_unchanged_rerating_the_corpus_is_derived_from_is_accepted() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/ratings/{id}/rerating", controlCase)
                        .header("Authorization", "Bearer " + tokens.resident(controlRater.subject()))
                        .header("Idempotency-Key", "corpus-" + UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"BASICALLY_SATISFIED\"}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reratingCorpus")
    void bad_reratings_get_the_problem_they_deserve_and_change_nothing(Case bad) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/ratings/{id}/rerating", awaitingRerating)
                .header("Authorization", "Bearer " + tokens.resident(rater.subject()))
                .contentType(bad.contentType()).content(bad.body());
        if (bad.withKey()) {
            request.header("Idempotency-Key", "corpus-" + UUID.randomUUID());
        }
        assertProblem(mvc.perform(request).andReturn().getResponse(), bad);
    }

    Stream<Case> reratingCorpus() {
        List<Case> corpus = new ArrayList<>();
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20; i++) {
            Object value = randomValue(random, 0);
            corpus.add(json("random JSON #" + i, value, value instanceof Map ? Expected.invalid(null) : MALFORMED));
        }
        for (Object wrong : List.of(1, true, List.of("SATISFIED"), Map.of("verdict", "SATISFIED"), 1.5)) {
            corpus.add(json("verdict of the wrong type: " + wrong, Map.of("verdict", wrong), Expected.invalid("verdict")));
        }
        for (String unknown : List.of("satisfied", "VERY_SATISFIED", "满意", "", "SATISFIED ")) {
            corpus.add(json("unknown verdict '" + unknown + "'", Map.of("verdict", unknown), Expected.invalid("verdict")));
        }
        Map<String, Object> nullVerdict = new LinkedHashMap<>();
        nullVerdict.put("verdict", null);
        corpus.add(json("null verdict", nullVerdict, Expected.invalid("verdict")));
        corpus.add(json("no verdict", Map.of(), Expected.invalid("verdict")));
        corpus.add(json("unknown field", Map.of("verdict", "SATISFIED", "level", 5), Expected.invalid("level")));
        corpus.add(new Case("missing Idempotency-Key", MediaType.APPLICATION_JSON_VALUE, bytes(Map.of("verdict", "SATISFIED")),
                false, Expected.problem(400, "MISSING_PARAMETER")));
        corpus.add(text("duplicate JSON key", "{\"verdict\":\"UNSATISFIED\",\"verdict\":\"SATISFIED\"}"));
        corpus.add(text("truncated JSON", "{\"verdict\":"));
        corpus.add(text("empty body", ""));
        corpus.add(text("JSON null", "null"));
        corpus.add(new Case("oversize body", MediaType.APPLICATION_JSON_VALUE,
                bytes(Map.of("verdict", "SATISFIED", "x", "x".repeat(100_000))), true, Expected.problem(413, "PAYLOAD_TOO_LARGE")));
        corpus.add(new Case("wrong content type: text/plain", MediaType.TEXT_PLAIN_VALUE, bytes(Map.of("verdict", "SATISFIED")),
                true, Expected.problem(415, "UNSUPPORTED_MEDIA_TYPE")));
        return corpus.stream();
    }

    @Test
    void the_unchanged_rating_the_corpus_is_derived_from_is_accepted() throws Exception {
        MockHttpServletResponse response = mvc.perform(rating(json("valid", valid(), null))).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        ratingsAccepted++;
    }

    @Test
    void the_unchanged_upload_the_corpus_is_derived_from_is_accepted() throws Exception {
        MockHttpServletResponse response = mvc.perform(upload(new Case("valid", "image/jpeg", TestImages.jpeg(4, 4), true, null)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        photosAccepted++;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ratingCorpus")
    void bad_ratings_get_the_problem_they_deserve_and_store_nothing(Case bad) throws Exception {
        assertProblem(mvc.perform(rating(bad)).andReturn().getResponse(), bad);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploadCorpus")
    void bad_uploads_get_the_problem_they_deserve_and_store_nothing(Case bad) throws Exception {
        assertProblem(mvc.perform(upload(bad)).andReturn().getResponse(), bad);
    }

    private MockHttpServletRequestBuilder rating(Case sent) {
        MockHttpServletRequestBuilder request = post("/api/v1/ratings")
                .header("Authorization", "Bearer " + tokens.resident("corpus-" + UUID.randomUUID()))
                .contentType(sent.contentType())
                .content(sent.body());
        if (sent.withKey()) {
            request.header("Idempotency-Key", "corpus-" + UUID.randomUUID());
        }
        return request;
    }

    private RequestBuilder upload(Case sent) {
        return multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .file(new MockMultipartFile("file", "photo.jpg", sent.contentType(), sent.body()))
                .header("Authorization", "Bearer " + tokens.resident("corpus-" + UUID.randomUUID()));
    }

    private static void assertProblem(MockHttpServletResponse response, Case bad) throws Exception {
        String answer = bad.name() + " -> " + response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
        Expected expected = Objects.requireNonNull(bad.expected());
        assertThat(response.getStatus()).as(answer).isEqualTo(expected.status());
        assertThat(response.getContentType()).as(answer).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<?, ?> problem = JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
        assertThat(problem.get("code")).as(answer).isEqualTo(expected.code());
        assertThat(problem.get("type")).as(answer).isEqualTo(Problems.typeOf(expected.code()).toString());
        if (expected.field() != null) {
            assertThat(problem.get("errors")).as(answer).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .extracting(error -> ((Map<?, ?>) error).get("field")).first().isEqualTo(expected.field());
        }
    }

    Stream<Case> ratingCorpus() {
        List<Case> corpus = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < 60; i++) {
            Object value = randomValue(random, 0);
            // An object is read field by field, so some field is named; any other JSON value is no rating at all.
            corpus.add(json("random JSON #" + i, value, value instanceof Map ? Expected.invalid(null) : MALFORMED));
        }
        Map<String, Object> valid = valid();
        List<Object> wrongValues = List.of(123, "text", true, List.of(), Map.of(), 1.5, -7);
        valid.keySet().forEach(field -> wrongValues.forEach(value -> {
            if (!sameKind(valid.get(field), value)) {
                corpus.add(json("wrong type: " + field + "=" + value, with(valid, field, value), Expected.invalid(field)));
            }
        }));
        corpus.add(json("overlong comment", with(valid, "comment", "差".repeat(501)), Expected.invalid("comment")));
        // A Set's element has no index to name.
        corpus.add(json("overlong reason tag", with(valid, "reasonTags", List.of("x".repeat(41))), Expected.invalid("reasonTags[]")));
        corpus.add(json("overlong case number", with(valid, "caseNumber", "C".repeat(41)), Expected.invalid("caseNumber")));
        corpus.add(json("overlong campaign code", with(valid, "campaignCode", "a".repeat(65)), Expected.invalid("campaignCode")));
        corpus.add(json("overlong subject id", with(valid, "subjectId", "p".repeat(65)), Expected.invalid("subjectId")));
        corpus.add(json("too many photos", with(valid, "photoIds", List.of("a".repeat(24), "b".repeat(24), "c".repeat(24),
                "d".repeat(24))), Expected.invalid("photoIds")));
        corpus.add(json("repeated reason tag", with(valid, "reasonTags", List.of("dirty", "dirty")), Expected.invalid("reasonTags[1]")));
        corpus.add(json("unknown photo", with(valid, "photoIds", List.of("0123456789abcdef01234567")),
                Expected.problem(422, "UNKNOWN_PHOTO")));
        corpus.add(json("a claimed channel (the server decides it)", with(valid, "channel", "APP"), Expected.invalid("channel")));
        for (Object level : List.of(0, 6, -1, 3.5, 100000)) {
            corpus.add(json("level " + level, with(valid, "level", level), Expected.invalid("level")));
        }
        corpus.add(json("unknown reason tag", with(valid, "reasonTags", List.of("bribery-was-demanded")),
                Expected.problem(422, "UNKNOWN_REASON_TAG")));
        corpus.add(json("good tag on a bad review", with(valid, "reasonTags", List.of("clean")),
                Expected.problem(422, "UNKNOWN_REASON_TAG")));
        corpus.add(json("unknown indicator", with(valid, "indicatorScores", Map.of("karma", 3)),
                Expected.problem(422, "UNKNOWN_INDICATOR")));
        corpus.add(json("indicator score 9", with(valid, "indicatorScores", Map.of("overall", 9)),
                Expected.problem(422, "INVALID_INDICATOR_SCORE")));
        corpus.add(json("unknown region", with(valid, "regionCode", "999999999"), Expected.problem(422, "UNKNOWN_REGION")));
        corpus.add(json("unknown campaign", with(valid, "campaignCode", "no-such-campaign"),
                Expected.problem(404, "CAMPAIGN_NOT_FOUND")));
        corpus.add(json("unknown field", with(valid, "isAdmin", true), Expected.invalid("isAdmin")));
        corpus.add(json("rated in the future", with(valid, "clientSubmittedAt", "2099-01-01T00:00:00Z"),
                Expected.problem(422, "INVALID_RATED_AT")));
        corpus.add(json("not a date", with(valid, "clientSubmittedAt", "yesterday"), Expected.invalid("clientSubmittedAt")));
        for (String field : List.of("campaignCode", "regionCode", "level")) {
            Map<String, Object> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            corpus.add(json("missing " + field, missing, Expected.invalid(field)));
        }
        corpus.add(new Case("missing Idempotency-Key", MediaType.APPLICATION_JSON_VALUE, bytes(valid), false,
                Expected.problem(400, "MISSING_PARAMETER")));
        // The strict parser refuses a key given twice before any field is read: the body is no JSON we accept.
        corpus.add(text("duplicate JSON key", "{\"campaignCode\":\"property-management\",\"formVersion\":1,\"level\":5,\"level\":1,"
                + "\"subjectId\":\"pm-001\",\"regionCode\":\"" + RatingFixtures.regionOf("pm-001") + "\",\"reasonTags\":[\"dirty\"]}"));
        corpus.add(text("truncated JSON", "{\"campaignCode\":\"property-management\",\"formVersion\":1,\"level\":"));
        corpus.add(text("trailing garbage", new String(bytes(valid), StandardCharsets.UTF_8) + "}}"));
        corpus.add(text("empty body", ""));
        corpus.add(text("JSON null", "null"));
        corpus.add(new Case("invalid UTF-8", MediaType.APPLICATION_JSON_VALUE,
                new byte[] {'{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, true, MALFORMED));
        corpus.add(new Case("oversize body", MediaType.APPLICATION_JSON_VALUE,
                bytes(with(valid, "comment", "x".repeat(100_000))), true, Expected.problem(413, "PAYLOAD_TOO_LARGE")));
        Expected unsupported = Expected.problem(415, "UNSUPPORTED_MEDIA_TYPE");
        corpus.add(new Case("wrong content type: text/plain", MediaType.TEXT_PLAIN_VALUE, bytes(valid), true, unsupported));
        corpus.add(new Case("wrong content type: XML", MediaType.APPLICATION_XML_VALUE,
                "<rating><level>5</level></rating>".getBytes(StandardCharsets.UTF_8), true, unsupported));
        corpus.add(new Case("wrong content type: form", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "level=5&campaignCode=property-management".getBytes(StandardCharsets.UTF_8), true, unsupported));
        return corpus.stream();
    }

    Stream<Case> uploadCorpus() {
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(4, 4), 0, big, 0, 100);
        // Recognised from the bytes, whatever the declared type: nothing that is not JPEG, PNG or WebP is an image here.
        Expected notAnImage = Expected.problem(415, "UNSUPPORTED_IMAGE_TYPE");
        return Stream.of(
                new Case("text disguised as a JPEG", "image/jpeg", TestImages.textDisguisedAsJpeg(), true, notAnImage),
                new Case("HTML disguised as a PNG", "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        true, notAnImage),
                new Case("a GIF", "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0}, true, notAnImage),
                new Case("an empty file", "image/jpeg", new byte[0], true, notAnImage),
                new Case("PNG signature and garbage", "image/png", TestImages.brokenPng(), true,
                        Expected.problem(422, "UNREADABLE_IMAGE")),
                new Case("a decompression bomb", "image/png", TestImages.pngClaimingHugeDimensions(), true,
                        Expected.problem(413, "IMAGE_DIMENSIONS_TOO_LARGE")),
                new Case("an oversize image", "image/jpeg", big, true, Expected.problem(413, "PAYLOAD_TOO_LARGE")));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("campaignCode", "property-management");
        valid.put("formVersion", 1);
        valid.put("subjectId", "pm-001");
        valid.put("regionCode", RatingFixtures.regionOf("pm-001"));
        valid.put("level", 2);
        valid.put("reasonTags", List.of("dirty"));
        valid.put("indicatorScores", Map.of("overall", 2));
        valid.put("comment", "楼道很脏");
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

    private static Case json(String name, Object value, Expected expected) {
        return new Case(name, MediaType.APPLICATION_JSON_VALUE, bytes(value), true, expected);
    }

    /** Text that is no JSON a rating can be read from. */
    private static Case text(String name, String json) {
        return new Case(name, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8), true, MALFORMED);
    }

    private static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
