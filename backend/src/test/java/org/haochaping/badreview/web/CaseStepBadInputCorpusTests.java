package org.haochaping.badreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Tokens;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.system.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input to the case steps, in the style of the ratings' corpus: each kind gets the status and
 * problem code it deserves (never a 500), names the field when it is one field's fault, and changes
 * no case. The unchanged step each family is derived from is accepted on a twin case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStepBadInputCorpusTests {

    record Expected(int status, String code, @Nullable String field) {
        static Expected invalid(@Nullable String field) {
            return new Expected(400, "INVALID_INPUT", field);
        }

        static Expected problem(int status, String code) {
            return new Expected(status, code, null);
        }
    }

    /** A step sent to the case ready for it, its body, and what it deserves. */
    record Case(String name, String step, String contentType, byte[] body, Expected expected) {
        @Override
        public String toString() {
            return step + ": " + name;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Expected MALFORMED = Expected.problem(400, "MALFORMED_BODY");
    /** The fields the contract requires in the steps' bodies (others are optional: left out, the step decides). */
    static final java.util.Set<String> REQUIRED = java.util.Set.of("version", "at", "method", "finding", "kind", "unit", "reason",
            "approve", "note");

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    RatingSubmission submission;
    @Autowired
    BadReviewHandling handling;
    @Autowired
    PhotoLibrary photos;

    CaseFixtures cases;
    Actor handler;
    Actor supervisor;
    /** Per step, the case the corpus is sent to, and its twin for the control. */
    final Map<String, String> target = new LinkedHashMap<>();
    final Map<String, String> twin = new LinkedHashMap<>();
    final Map<String, Long> versions = new LinkedHashMap<>();

    @BeforeAll
    void casesReadyForEachStep() {
        cases = new CaseFixtures(submission, handling, photos);
        handler = CaseFixtures.townHandler("corpus-handler-" + UUID.randomUUID());
        supervisor = CaseFixtures.supervisor("corpus-supervisor-" + UUID.randomUUID());
        for (Map<String, String> ready : List.of(target, twin)) {
            ready.put("contact", cases.badReview());
            ready.put("disposition", cases.contacted(cases.badReview(), handler).getId());
            ready.put("reassignment", cases.badReview());
            ready.put("appeal/decision", cases.appealed(cases.badReview(), handler).getId());
        }
        target.forEach((step, id) -> versions.put(id, cases.get(id).getVersion()));
    }

    @AfterAll
    void noCaseChanged() {
        target.forEach((step, id) -> assertThat(cases.get(id).getVersion()).as(step).isEqualTo(versions.get(id)));
    }

    @Test
    void the_unchanged_steps_the_corpus_is_derived_from_are_accepted() throws Exception {
        for (String step : target.keySet()) {
            MockHttpServletResponse response = send(step, twin.get(step), MediaType.APPLICATION_JSON_VALUE,
                    bytes(valid(step, cases.get(twin.get(step)).getVersion())));
            assertThat(response.getStatus()).as(step + " " + response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void bad_steps_get_the_problem_they_deserve_and_change_no_case(Case bad) throws Exception {
        MockHttpServletResponse response = send(bad.step(), target.get(bad.step()), bad.contentType(), bad.body());
        String answer = bad + " -> " + response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
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

    Stream<Case> corpus() {
        List<Case> corpus = new ArrayList<>();
        for (String step : target.keySet()) {
            long version = versions.get(target.get(step));
            Map<String, Object> valid = valid(step, version);
            for (String field : valid.keySet()) {
                Map<String, Object> missing = new LinkedHashMap<>(valid);
                missing.remove(field);
                if (REQUIRED.contains(field) && !(step.equals("contact") && field.equals("note"))) {
                    corpus.add(json(step, "missing " + field, missing, Expected.invalid(field)));
                }
                for (Object wrong : List.of(List.of(), Map.of("x", 1), 1.5)) {
                    // A wrong object where an object belongs is refused for its unknown field (unit.x).
                    Expected refused = Expected.invalid(field.equals("unit") && wrong instanceof Map ? "unit.x" : field);
                    corpus.add(json(step, "wrong type: " + field + "=" + wrong, with(valid, field, wrong), refused));
                }
            }
            for (Object version2 : List.of(-1, 1_000_000_001L, "1", true)) {
                corpus.add(json(step, "version " + version2, with(valid, "version", version2), Expected.invalid("version")));
            }
            corpus.add(json(step, "a version that is not the case's", with(valid, "version", version + 5),
                    Expected.problem(409, "CASE_CHANGED")));
            corpus.add(json(step, "unknown field", with(valid, "caseStatus", "CLOSED"), Expected.invalid("caseStatus")));
            corpus.add(text(step, "duplicate key", "{\"version\":" + version + ",\"version\":" + version + "}"));
            corpus.add(text(step, "truncated JSON", "{\"version\":"));
            corpus.add(text(step, "JSON array", "[]"));
            corpus.add(text(step, "empty body", ""));
            corpus.add(new Case("oversize body", step, MediaType.APPLICATION_JSON_VALUE,
                    bytes(with(valid, "x", "x".repeat(100_000))), Expected.problem(413, "PAYLOAD_TOO_LARGE")));
            corpus.add(new Case("form content type", step, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    "version=1".getBytes(StandardCharsets.UTF_8), Expected.problem(415, "UNSUPPORTED_MEDIA_TYPE")));
        }
        Map<String, Object> contact = valid("contact", versions.get(target.get("contact")));
        corpus.add(json("contact", "a time with no offset", with(contact, "at", "2026-03-02T10:00:00"), Expected.invalid("at")));
        corpus.add(json("contact", "an impossible date", with(contact, "at", "2026-02-30T10:00:00Z"), Expected.invalid("at")));
        corpus.add(json("contact", "a time in the future", with(contact, "at", Instant.now().plus(1, ChronoUnit.DAYS).toString()),
                Expected.problem(422, "CONTACT_TIME_OUT_OF_RANGE")));
        corpus.add(json("contact", "a method in lower case", with(contact, "method", "phone"), Expected.invalid("method")));
        corpus.add(json("contact", "an unknown finding", with(contact, "finding", "MAYBE"), Expected.invalid("finding")));
        corpus.add(json("contact", "an overlong note", with(contact, "note", "记".repeat(501)), Expected.invalid("note")));
        Map<String, Object> disposition = valid("disposition", versions.get(target.get("disposition")));
        corpus.add(json("disposition", "a plan with no kind of fix", with(disposition, "kind", "PLAN"), Expected.invalid("kind")));
        corpus.add(json("disposition", "a blank explanation", with(disposition, "explanation", " \t "),
                Expected.problem(422, "EXPLANATION_REQUIRED")));
        corpus.add(json("disposition", "a plan with no explanation", with(with(disposition, "plan", "计划"), "explanation", null),
                Expected.problem(422, "EXPLANATION_REQUIRED")));
        Map<String, Object> reassignment = valid("reassignment", versions.get(target.get("reassignment")));
        corpus.add(json("reassignment", "a unit with no code", with(reassignment, "unit", Map.of("kind", "TOWN")), Expected.invalid(null)));
        corpus.add(json("reassignment", "a unit with an unknown field", with(reassignment, "unit",
                Map.of("kind", "TOWN", "code", "140423101", "name", "x")), Expected.invalid(null)));
        corpus.add(json("reassignment", "a unit that is no town", with(reassignment, "unit", Map.of("kind", "TOWN", "code", "140423")),
                Expected.problem(422, "UNKNOWN_UNIT")));
        corpus.add(json("reassignment", "an empty reason", with(reassignment, "reason", ""), Expected.invalid("reason")));
        Map<String, Object> decision = valid("appeal/decision", versions.get(target.get("appeal/decision")));
        corpus.add(json("appeal/decision", "approve as text", with(decision, "approve", "true"), Expected.invalid("approve")));
        corpus.add(json("appeal/decision", "approve as a number", with(decision, "approve", 1), Expected.invalid("approve")));
        corpus.add(json("appeal/decision", "a blank note", with(decision, "note", "   "), Expected.problem(422, "DECISION_NOTE_REQUIRED")));
        return corpus.stream();
    }

    private Map<String, Object> valid(String step, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        switch (step) {
            case "contact" -> {
                body.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                body.put("method", "PHONE");
                body.put("finding", "PARTLY_CONFIRMED");
                body.put("note", "电话核实");
            }
            case "disposition" -> {
                body.put("kind", "EXPLANATION");
                body.put("explanation", "保洁按合同执行");
            }
            case "reassignment" -> {
                body.put("unit", Map.of("kind", "DEPARTMENT", "code", "urban-management"));
                body.put("reason", "属于该部门职责");
            }
            default -> {
                body.put("approve", false);
                body.put("note", "申诉理由不充分");
            }
        }
        return body;
    }

    private MockHttpServletResponse send(String step, String caseId, String contentType, byte[] body) throws Exception {
        Actor actor = switch (step) {
            case "reassignment", "appeal/decision" -> supervisor;
            default -> handler;
        };
        return mvc.perform(post("/api/v1/admin/bad-reviews/{id}/" + step, caseId)
                        .header("Authorization", "Bearer " + CaseFixtures.token(tokens, actor))
                        .contentType(contentType).content(body))
                .andReturn().getResponse();
    }

    private static Case json(String step, String name, Object value, Expected expected) {
        return new Case(name, step, MediaType.APPLICATION_JSON_VALUE, bytes(value), expected);
    }

    private static Case text(String step, String name, String body) {
        return new Case(name, step, MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8), MALFORMED);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    private static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
