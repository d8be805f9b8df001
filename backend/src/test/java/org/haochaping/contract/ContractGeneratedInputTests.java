package org.haochaping.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.Document;
import org.haochaping.ApiContract;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseDeadlines;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.CaseRouting;
import org.haochaping.badreview.RoutingRule;
import org.haochaping.identity.Actor;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.contract.ContractOperations.Op;
import org.haochaping.contract.ValidRequests.Base;
import org.haochaping.contract.ValidRequests.Fixtures;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * Input generated from the contract: for every operation of api-spec, a valid request (which must
 * succeed) changed one slot at a time (absent, null, wrong type, at and past each bound, unknown
 * enum values, odd Unicode, null and duplicate elements), or as a whole (malformed JSON, wrong
 * content types, oversize bodies), by each role and anonymously. Every answer must be a 2xx, or a
 * 4xx problem that follows the contract and stores nothing; whatever the contract forbids must be
 * a 4xx. Never a 5xx. Seeded: {@code -Dcontract.seed=N} repeats a run.
 */
@IntegrationTest
// The per-resident limit (30/h) is RateLimitTests' subject; here its 429s would hide what the
// mutated bodies get, and fresh residents per request would cost a token signature each.
@TestPropertySource(properties = "haochaping.rating.limit-per-hour=1000000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractGeneratedInputTests {

    static final int REQUESTS_PER_OPERATION = 800;
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Who calls: a role, nobody, or someone with a token that is no token. */
    static final List<String> CALLERS = List.of("RESIDENT", "HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR",
            "anonymous", "garbage token");

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
    @Autowired
    CaseRouting routing;
    @Autowired
    HolidayCalendar calendar;
    @Autowired
    org.haochaping.account.AccountErasure erasure;

    List<Op> operations;
    Map<String, Supplier<Base>> validRequests;
    Map<Role, String> roleTokens = new EnumMap<>(Role.class);
    List<String> residentPool = new ArrayList<>();
    String owner;
    /** The resident whose account the erasure's requests erase: their token from before stays good only for that. */
    static final String ERASER = "gen-eraser";
    String eraser;
    Fixtures fixtures;

    @BeforeAll
    void mintTokensAndCreateFixtures() throws Exception {
        operations = ContractOperations.read();
        for (Role role : Role.values()) {
            roleTokens.put(role, tokens.forRole("gen-" + role.name().toLowerCase(), role,
                    role == Role.RESIDENT || role == Role.SUPERVISOR || role == Role.AUDITOR ? null : "housing-construction"));
        }
        // The HANDLER also handles 古韩镇's cases, where property-management's 差评 of its compounds go.
        roleTokens.put(Role.HANDLER, CaseFixtures.token(tokens, CaseSupply.HANDLER));
        for (int i = 0; i < 40; i++) {
            residentPool.add(tokens.resident("gen-pool-" + UUID.randomUUID()));
        }
        owner = tokens.resident("gen-owner-" + UUID.randomUUID());
        eraser = tokens.resident(ERASER);
        byte[] photo = TestImages.jpeg(8, 8);
        String media = mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).file(new MockMultipartFile("file", "p.jpg", "image/jpeg", photo))
                .header("Authorization", "Bearer " + owner)).andReturn().getResponse().getContentAsString();
        String rating = mvc.perform(request(HttpMethod.POST, URI.create("/api/v1/ratings"))
                .header("Authorization", "Bearer " + owner).header("Idempotency-Key", "gen-fixture-rating")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"campaignCode\":\"illegal-construction\",\"formVersion\":1,\"subjectId\":\"ic-001\",\"regionCode\":\""
                        + org.haochaping.rating.RatingFixtures.regionOf("ic-001") + "\",\"level\":4}"))
                .andReturn().getResponse().getContentAsString();
        fixtures = new Fixtures(JsonPath.read(rating, "$.id"), JsonPath.read(media, "$.id"), photo,
                new CaseSupply(new CaseFixtures(submission, handling, photos), mongo, tokens),
                () -> calendar.year(ValidRequests.CALENDAR_YEAR).version(), finishedReport(),
                () -> erasure.requestCode(new Actor(ERASER, "gen", java.util.Set.of(Role.RESIDENT), null, null)).code());
        validRequests = ValidRequests.of(fixtures);
    }

    /** A report the SUPERVISOR asked for, once it is done: what the report's reads and download get. */
    private String finishedReport() throws Exception {
        String job = mvc.perform(request(HttpMethod.POST, URI.create("/api/v1/admin/reports"))
                .header("Authorization", "Bearer " + roleTokens.get(Role.SUPERVISOR)).header("Idempotency-Key", "gen-fixture-report")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"MONTHLY_ANALYSIS\",\"campaignCode\":\"property-management\",\"from\":\""
                        + ValidRequests.lastMonth() + "\",\"format\":\"XLSX\"}"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(job, "$.id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> List.of("DONE", "FAILED").contains(JsonPath.read(
                mvc.perform(request(HttpMethod.GET, URI.create("/api/v1/admin/reports/" + id))
                        .header("Authorization", "Bearer " + roleTokens.get(Role.SUPERVISOR))).andReturn().getResponse()
                        .getContentAsString(), "$.state")));
        assertThat(JsonPath.<String>read(mvc.perform(request(HttpMethod.GET, URI.create("/api/v1/admin/reports/" + id))
                .header("Authorization", "Bearer " + roleTokens.get(Role.SUPERVISOR))).andReturn().getResponse()
                .getContentAsString(), "$.state")).as("the fixture report").isEqualTo("DONE");
        return id;
    }

    /** The generated routing of a campaign is put back to what the product does by default for it. */
    @AfterAll
    void restoreTheRoutingItConfigured() {
        Actor supervisor = CaseFixtures.supervisor("gen-restore");
        RoutingRule rule = routing.ruleFor(ValidRequests.ROUTED_CAMPAIGN);
        routing.configure(supervisor, ValidRequests.ROUTED_CAMPAIGN, RoutingRule.Route.LEAD_DEPARTMENT, null,
                CaseDeadlines.DEFAULT.contactDays(), CaseDeadlines.DEFAULT.immediateDays(), CaseDeadlines.DEFAULT.scheduledDays(),
                rule.version() == null ? 0L : rule.version());
    }

    @Test
    @Order(1)
    void every_operation_of_the_contract_accepts_its_valid_request() throws Exception {
        assertThat(validRequests.keySet()).as("a valid request for each operation of the contract")
                .containsExactlyInAnyOrderElementsOf(operations.stream().map(Op::id).toList());
        for (Op op : operations) {
            Base base = validRequests.get(op.id()).get();
            MvcResult result = mvc.perform(build(op, base, null, baseCaller(op, base))).andReturn();

            assertThat(result.getResponse().getStatus()).as(op.id() + ": " + result.getResponse().getContentAsString())
                    .isBetween(200, 299);
            // The validator cannot see a MockMvc multipart body; the upload's response is still held to the contract.
            (op.hasJsonBody() || op.bodyType() == null ? ApiContract.conforms() : ApiContract.responseConforms()).match(result);
        }
    }

    @Test
    @Order(2)
    void generated_bad_input_gets_a_2xx_or_a_4xx_problem_that_stores_nothing_and_never_a_5xx() throws Exception {
        long seed = Long.getLong("contract.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, List<Mutation>> mutations = new LinkedHashMap<>();
        operations.forEach(op -> mutations.put(op.id(), mutationsOf(op, random)));
        Map<String, Integer> sent = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long start = System.nanoTime();

        for (int round = 0; round < REQUESTS_PER_OPERATION; round++) {
            for (Op op : operations) {
                List<Mutation> ofOp = mutations.get(op.id());
                Mutation mutation = ofOp.get(round % ofOp.size());
                Base base = validRequests.get(op.id()).get();
                String caller = random.nextInt(4) == 0 ? CALLERS.get(random.nextInt(CALLERS.size())) : baseCaller(op, base);
                boolean mustFail = mutation.breaksContract() || op.secured() && !hasToken(caller);
                String what = "seed " + seed + ", " + op.id() + " " + mutation + " as " + caller;

                int status = sendAndCheck(op, base, mutation, caller, mustFail, what);
                sent.merge(op.id(), 1, Integer::sum);
                statuses.merge(status, 1, Integer::sum);
            }
        }

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Contract-generated input: %d requests in %d ms (seed %d); per operation %s; statuses %s%n",
                sent.values().stream().mapToInt(Integer::intValue).sum(), millis, seed, sent, statuses);
        assertThat(sent).hasSize(operations.size()).allSatisfy((op, count) -> assertThat(count).isEqualTo(REQUESTS_PER_OPERATION));
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(operations.size() * REQUESTS_PER_OPERATION).isGreaterThanOrEqualTo(10_000);
    }

    private int sendAndCheck(Op op, Base base, Mutation mutation, String caller, boolean mustFail, String what)
            throws Exception {
        Stored before = stored(base);
        MvcResult result = mvc.perform(build(op, base, mutation, caller)).andReturn();
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String answer = what + " -> " + status + " " + response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(status).as(answer).isLessThan(500);
        if (mustFail) {
            assertThat(status).as("the contract forbids it: " + answer).isBetween(400, 499);
        }
        if (status >= 400) {
            assertThat(response.getContentType()).as(answer).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(stored(base)).as("stored nothing: " + answer).isEqualTo(before);
        }
        try {
            ApiContract.responseConforms().match(result);
        } catch (AssertionError | Exception mismatch) {
            throw new AssertionError("response breaks the contract: " + answer, mismatch);
        }
        return status;
    }

    /** Every slot's mutations, the whole-request ones, in a shuffled order (so a short run still mixes them). */
    private List<Mutation> mutationsOf(Op op, Random random) {
        Base sample = validRequests.get(op.id()).get();
        List<Mutation> all = new ArrayList<>();
        op.slots().forEach(slot -> all.addAll(ValueMutations.of(slot, RequestAssembly.valueOf(sample, slot))));
        all.addAll(RequestAssembly.wholeRequestMutations(op));
        Collections.shuffle(all, random);
        return all;
    }

    private AbstractMockHttpServletRequestBuilder<?> build(Op op, Base base, Mutation mutation, String caller) {
        AbstractMockHttpServletRequestBuilder<?> request = RequestAssembly.build(op, base, mutation);
        String token = switch (caller) {
            case "anonymous" -> null;
            case "garbage token" -> "not-a-jwt." + UUID.randomUUID();
            case "owner" -> owner;
            case "pool" -> residentPool.get(Math.floorMod(UUID.randomUUID().hashCode(), residentPool.size()));
            case "rater" -> fixtures.cases().raterToken();
            case "eraser" -> eraser;
            default -> roleTokens.get(Role.valueOf(caller));
        };
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The caller the valid request needs: nobody for public operations, the owner for their own things. */
    private static String baseCaller(Op op, Base base) {
        if (base.role() == null) {
            return "anonymous";
        }
        return switch (op.id()) {
            case "submitRating", "uploadMedia", "getMe" -> "pool";
            case "addFollowUp", "listMyRatings", "getMyRating", "getMedia", "listMyNotifications", "markNotificationsRead",
                    "getMyData" -> "owner";
            case "rerateRating" -> "rater";
            case "eraseMyAccount" -> "eraser";
            default -> base.role().name();
        };
    }

    private static boolean hasToken(String caller) {
        return !caller.equals("anonymous") && !caller.equals("garbage token");
    }

    /** What a refused request must leave as it was: also the case it names, a campaign's routing, the calendar. */
    record Stored(long ratings, long photos, int followUps, Object caseVersion, Object routingVersion, long calendarVersion) {
    }

    private Stored stored(Base base) {
        Document rating = mongo.getCollection("ratings").find(new Document("_id", fixtures.ratingId())).first();
        List<?> followUps = rating == null ? List.of() : rating.getList("followUps", Object.class, List.of());
        Object id = base.path().get("id");
        Document c = id == null ? null : mongo.getCollection("bad_review_cases").find(new Document("_id", id)).first();
        Object code = base.path().get("code");
        Document rule = code == null ? null : mongo.getCollection("bad_review_routing").find(new Document("_id", code)).first();
        return new Stored(mongo.getCollection("ratings").countDocuments(), mongo.getCollection("fs.files").countDocuments(),
                followUps.size(), c == null ? "none" : c.get("version"), rule == null ? "none" : rule.get("version"),
                calendar.year(ValidRequests.CALENDAR_YEAR).version());
    }
}
