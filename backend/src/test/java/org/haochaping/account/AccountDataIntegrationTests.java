package org.haochaping.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.identity.Actor;
import org.haochaping.identity.AuditTrail;
import org.haochaping.identity.ResidentErased;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.media.TestImages;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.rating.RatingSubmission;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.RollupMaintenance;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The residents' rights end to end through the API, every answer held to the contract: a copy of
 * one's data (all of it, nobody else's) and erasing the account in two steps (ratings kept and
 * counted exactly as before, anonymised; comments, photos, notifications, hashes and the link to
 * the person gone; audited without the subject; harmless to repeat).
 */
@IntegrationTest
@Import(AccountDataIntegrationTests.ErasedSubjects.class)
class AccountDataIntegrationTests {

    static final String CAMPAIGN = "property-management";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@link ResidentErased} events published, for the sessions that will listen to them. */
    @TestConfiguration
    static class ErasedSubjects {
        final List<String> subjects = java.util.Collections.synchronizedList(new ArrayList<>());

        @Bean
        ErasedSubjects erasedSubjects() {
            return this;
        }

        @EventListener
        void on(ResidentErased erased) {
            subjects.add(erased.subject());
        }
    }

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
    SatisfactionQueries satisfaction;
    @Autowired
    RollupMaintenance rollups;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    ErasedSubjects erasedSubjects;

    /** What a resident did: their ratings (the 差评 first, its case has the same id) and photos. */
    record Resident(String subject, String token, String badRating, String goodRating, String otherCampaignRating,
            String serviceCaseRating, String caseNumber, List<String> claimedPhotos, String unclaimedPhoto) {
    }

    /**
     * A resident with a 差评 (a comment, two photos, a follow-up) whose case the town contacted (a
     * notification), a 好评 with a comment in the same campaign, a campaign-wide rating in another,
     * and a photo no rating claimed.
     */
    private Resident residentWithData(String name, int subjectOffset) throws Exception {
        String subject = name + "-" + UUID.randomUUID();
        String token = tokens.resident(subject);
        List<String> claimed = List.of(upload(token), upload(token));
        String unclaimed = upload(token);
        String badSubject = CaseFixtures.TOWN_SUBJECTS.get(subjectOffset);
        String bad = rate(token, """
                {"campaignCode":"%s","formVersion":1,"subjectId":"%s","regionCode":"%s","level":2,"reasonTags":["dirty"],
                 "comment":"电梯坏了两周，物业一直没有修。","photoIds":["%s","%s"]}""".formatted(CAMPAIGN, badSubject,
                RatingFixtures.regionOf(badSubject), claimed.get(0), claimed.get(1)));
        String goodSubject = CaseFixtures.TOWN_SUBJECTS.get(subjectOffset + 1);
        String good = rate(token, """
                {"campaignCode":"%s","formVersion":1,"subjectId":"%s","regionCode":"%s","level":5,"comment":"保安很负责"}"""
                .formatted(CAMPAIGN, goodSubject, RatingFixtures.regionOf(goodSubject)));
        mvc.perform(put("/api/v1/me/home-region").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"regionCode\":\"140423108\"}"))
                .andExpect(status().isOk()).andExpect(conforms());
        String otherCampaign = rate(token, """
                {"campaignCode":"work-safety","formVersion":1,"regionCode":"140423108","level":4,"reasonTags":["visible-results"]}""");
        String caseNumber = "XY-" + UUID.randomUUID();
        mvc.perform(post("/api/v1/admin/campaigns/one-thing-one-visit/service-cases")
                .header("Authorization", "Bearer " + tokens.forRole("case-registrar", Role.SUPERVISOR, null))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"cases":[{"caseNumber":"%s","subjectId":"otov-01","applicant":"%s","completedAt":"2026-11-20T10:15:00+08:00"}]}"""
                        .formatted(caseNumber, subject)))
                .andExpect(status().isOk()).andExpect(conforms());
        String serviceCaseRating = rate(token, """
                {"campaignCode":"one-thing-one-visit","formVersion":1,"subjectId":"otov-01","regionCode":"%s","level":5,
                 "reasonTags":["one-visit"],"caseNumber":"%s"}""".formatted(RatingFixtures.regionOf("otov-01"), caseNumber));
        mvc.perform(post("/api/v1/ratings/{id}/follow-ups", bad).header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "follow-" + UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"追评：还是没修好\"}"))
                .andExpect(status().isCreated()).andExpect(conforms());
        new CaseFixtures(submission, handling, photos).contacted(bad, CaseFixtures.townHandler("town-handler-" + UUID.randomUUID()));
        return new Resident(subject, token, bad, good, otherCampaign, serviceCaseRating, caseNumber, claimed, unclaimed);
    }

    /**
     * A token of a sign-in after the erasure. Token times are whole seconds, and a token of the
     * erasure's second counts as issued before it, so this waits for the next second.
     */
    private String afterwards(Resident erased) throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 1);
        return tokens.resident(erased.subject());
    }

    private String upload(String token) throws Exception {
        return JsonPath.read(mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", UUID.randomUUID().toString())
                        .file(new MockMultipartFile("file", "photo.png", "image/png", TestImages.png(8, 8)))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated()).andExpect(responseConforms()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String rate(String token, String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "rate-" + UUID.randomUUID()).header("X-Device-Id", "device-of-" + token.hashCode())
                        .header("X-App-Version", "1.4.2").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(conforms()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private JsonNode myData(String token) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/me/data").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"haochaping-my-data-")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String requestCode(String token) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/me/erasure-confirmation").header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated()).andExpect(conforms()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(), "$.code");
    }

    private ResultActions erase(String token, String code) throws Exception {
        var request = delete("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        return mvc.perform(code == null ? request : request.header("Erasure-Code", code)).andExpect(conforms());
    }

    @Test
    void a_residents_copy_holds_all_their_data_and_nothing_of_another_residents() throws Exception {
        Resident mine = residentWithData("copy", 0);
        Resident other = residentWithData("copy-other", 2);
        mvc.perform(get("/api/v1/admin/bad-reviews").header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isForbidden()); // the audit log records the refusal, under the resident's subject

        JsonNode copy = myData(mine.token());

        assertThat(copy.get("identity").get("subject").asString()).isEqualTo(mine.subject());
        assertThat(copy.get("ratings").findValuesAsString("id"))
                .containsExactlyInAnyOrder(mine.badRating(), mine.goodRating(), mine.otherCampaignRating(),
                        mine.serviceCaseRating());
        assertThat(copy.get("homeRegion").get("regionCode").asString()).isEqualTo("140423108");
        assertThat(copy.get("serviceCases").findValuesAsString("caseNumber")).containsExactly(mine.caseNumber());
        JsonNode bad = rating(copy, mine.badRating());
        assertThat(bad.get("comment").asString()).isEqualTo("电梯坏了两周，物业一直没有修。");
        assertThat(bad.get("followUps").get(0).get("comment").asString()).isEqualTo("追评：还是没修好");
        assertThat(bad.get("photoIds").valueStream().map(JsonNode::asString).toList()).isEqualTo(mine.claimedPhotos());
        assertThat(bad.get("status").asString()).isEqualTo("BEING_HANDLED");
        assertThat(bad.get("provenance").get("origin").asString()).isEqualTo("RESIDENT");
        assertThat(bad.get("provenance").get("appVersion").asString()).isEqualTo("1.4.2");
        assertThat(bad.get("provenance").get("deviceHash").asString()).as("the device only as a hash").hasSizeGreaterThan(20)
                .doesNotContain("device-of");
        assertThat(bad.get("provenance").get("ipHash").asString()).hasSizeGreaterThan(20);
        JsonNode badCase = bad.get("case");
        assertThat(badCase.get("status").asString()).isEqualTo("AWAITING_DISPOSITION");
        assertThat(badCase.get("contact").get("note").asString()).isEqualTo("电话核实属实");
        assertThat(badCase.get("timeline").findValuesAsString("type")).containsExactly("OPENED", "CONTACTED");
        assertThat(badCase.toString()).as("the officials' names are not the resident's data").doesNotContain("town-handler");
        assertThat(rating(copy, mine.goodRating()).get("comment").asString()).isEqualTo("保安很负责");
        assertThat(rating(copy, mine.goodRating()).has("case")).isFalse();
        assertThat(copy.get("photos").findValuesAsString("id")).containsExactlyInAnyOrder(
                mine.claimedPhotos().get(0), mine.claimedPhotos().get(1), mine.unclaimedPhoto());
        assertThat(photo(copy, mine.claimedPhotos().get(0)).get("ratingId").asString()).isEqualTo(mine.badRating());
        assertThat(photo(copy, mine.unclaimedPhoto()).has("ratingId")).as("unclaimed").isFalse();
        assertThat(copy.get("notifications").findValuesAsString("type")).containsExactly("CONTACTED");
        assertThat(copy.get("notifications").findValuesAsString("ratingId")).containsExactly(mine.badRating());

        assertThat(copy.get("auditEntries").findValuesAsString("action")).as("what the audit log holds of them").contains("ACCESS_DENIED");
        String everything = copy.toString();
        assertThat(everything).as("nothing of the other resident").doesNotContain(other.subject(), other.badRating(),
                other.goodRating(), other.otherCampaignRating(), other.serviceCaseRating(), other.caseNumber(),
                other.unclaimedPhoto(), other.claimedPhotos().get(0));
    }

    @Test
    void officials_may_neither_copy_nor_erase_an_account() throws Exception {
        for (Role role : List.of(Role.HANDLER, Role.MANAGER, Role.SUPERVISOR, Role.AUDITOR)) {
            String token = tokens.forRole("official-" + role + "-" + UUID.randomUUID(), role,
                    role == Role.HANDLER || role == Role.MANAGER ? CaseFixtures.LEAD : null);
            mvc.perform(get("/api/v1/me/data").header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden()).andExpect(conforms());
            mvc.perform(post("/api/v1/me/erasure-confirmation").header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden()).andExpect(conforms());
            mvc.perform(delete("/api/v1/me").header("Authorization", "Bearer " + token).header("Erasure-Code", "ABCD-EFGH"))
                    .andExpect(status().isForbidden()).andExpect(conforms());
        }
    }

    @Test
    void erasure_keeps_every_rating_counted_exactly_and_removes_everything_that_leads_to_the_person() throws Exception {
        Resident erased = residentWithData("erased", 4);
        Resident other = residentWithData("untouched", 6);
        // Before: once every rating is counted, the figures are those of an independent count of the stored ratings.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> figures().equals(independentCount()));
        Figures before = figures();
        JsonNode othersCopyBefore = withoutTime(myData(other.token()));
        // The erased resident is one participant with two valid ratings (once the counting batch is applied).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            Document participant = mongo.findById(participant(CAMPAIGN, erased.subject()), Document.class, "satisfaction_participants");
            return participant != null && participant.get("ratings", Number.class).longValue() == 2;
        });

        String code = requestCode(erased.token());
        JsonNode receipt = JSON.readTree(erase(erased.token(), code).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn().getResponse().getContentAsString());

        assertThat(receipt.get("ratingsAnonymised").asLong()).isEqualTo(4);
        assertThat(receipt.get("casesAnonymised").asLong()).isEqualTo(1);
        assertThat(receipt.get("photosDeleted").asLong()).isEqualTo(3);
        assertThat(receipt.get("notificationsDeleted").asLong()).isEqualTo(1);

        // The figures: identical, and identical to an independent count of the stored ratings.
        Figures after = figures();
        assertThat(after).isEqualTo(before);
        assertThat(after).isEqualTo(independentCount());
        assertThat(rollups.rebuild(CaseFixtures.supervisor("erasure-check")).drifted())
                .as("a rebuild from the ratings finds the rollups and participants exact").isZero();

        // The ratings: kept, anonymised; one pseudonym per campaign, unrelated to the person and across campaigns.
        Document bad = rating(erased.badRating());
        Document good = rating(erased.goodRating());
        Document otherCampaign = rating(erased.otherCampaignRating());
        assertThat(bad.getString("resident")).startsWith("erased:").isEqualTo(good.getString("resident"))
                .isNotEqualTo(otherCampaign.getString("resident"));
        assertThat(bad.getInteger("level")).isEqualTo(2);
        assertThat(bad.get("comment")).isNull();
        assertThat(good.get("comment")).isNull();
        assertThat(bad.getList("followUps", Object.class)).isEmpty();
        assertThat(bad.getList("photoIds", Object.class)).isEmpty();
        assertThat(bad.get("provenance", Document.class).keySet()).containsExactlyInAnyOrder("origin", "appVersion");
        assertThat(bad.getString("eligibilityKey")).contains("|r:" + bad.getString("resident"));
        assertThat(mongo.findById(participant(CAMPAIGN, erased.subject()), Document.class, "satisfaction_participants")).isNull();
        assertThat(mongo.findById(participant(CAMPAIGN, bad.getString("resident")), Document.class, "satisfaction_participants")
                .get("ratings", Number.class).longValue()).isEqualTo(2);

        // Photos: the files and their chunks are gone; nobody gets them any more.
        List<ObjectId> photoIds = new ArrayList<>(erased.claimedPhotos().stream().map(ObjectId::new).toList());
        photoIds.add(new ObjectId(erased.unclaimedPhoto()));
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(photoIds)), "fs.files")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("files_id").in(photoIds)), "fs.chunks")).isZero();
        String supervisor = tokens.forRole("erasure-supervisor-" + UUID.randomUUID(), Role.SUPERVISOR, null);
        for (String photo : List.of(erased.claimedPhotos().get(0), erased.unclaimedPhoto())) {
            mvc.perform(get("/api/v1/media/{id}", photo).header("Authorization", "Bearer " + afterwards(erased)))
                    .andExpect(status().isNotFound()).andExpect(conforms());
            mvc.perform(get("/api/v1/media/{id}", photo).header("Authorization", "Bearer " + supervisor))
                    .andExpect(status().isNotFound()).andExpect(conforms());
        }

        // The home region chosen in the app is gone; the registered case stays, without its applicant.
        assertThat(mongo.findById(erased.subject(), Document.class, "home_regions")).isNull();
        assertThat(mongo.findById("one-thing-one-visit|" + erased.caseNumber(), Document.class, "service_cases")
                .getString("applicant")).isEmpty();

        // Nothing stored anywhere names the person (the audit log included).
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain(erased.subject());
            }
        }

        // The officials' view of the case still works, with the unit's work and without the person.
        String caseView = mvc.perform(get("/api/v1/admin/bad-reviews/{id}", erased.badRating())
                        .header("Authorization", "Bearer " + supervisor))
                .andExpect(status().isOk()).andExpect(conforms()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(caseView).doesNotContain("电梯坏了两周", "电话核实属实", erased.subject()).contains("AWAITING_DISPOSITION");
        new CaseFixtures(submission, handling, photos).disposed(erased.badRating(),
                CaseFixtures.townHandler("town-handler-after-" + UUID.randomUUID()), org.haochaping.badreview.DispositionKind.IMMEDIATE);
        assertThat(mongo.findById(NotificationKey.of(erased.subject()), Document.class, "notifications"))
                .as("no notification for an erased resident").isNull();

        // The audit has the erasure, by its receipt; sessions hear of it.
        List<AuditEntry> audit = auditTrail.newest(CaseFixtures.official("erasure-auditor", Set.of(Role.AUDITOR), null, null), 200);
        assertThat(audit).filteredOn(entry -> entry.action().equals(AccountErasure.AUDIT_ACTION))
                .filteredOn(entry -> entry.target().equals("erasure:" + receipt.get("receiptId").asString()))
                .singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo(AccountErasure.AUDIT_ACTOR));
        assertThat(erasedSubjects.subjects).contains(erased.subject());

        // The app's token from before the erasure is signed out: a rating its offline queue still held is refused.
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + erased.token())
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"campaignCode":"%s","formVersion":1,"subjectId":"%s","regionCode":"%s","level":5}"""
                                .formatted(CAMPAIGN, CaseFixtures.TOWN_SUBJECTS.get(12), RatingFixtures.regionOf(CaseFixtures.TOWN_SUBJECTS.get(12)))))
                .andExpect(status().isUnauthorized()).andExpect(conforms());
        mvc.perform(get("/api/v1/me/data").header("Authorization", "Bearer " + erased.token()))
                .andExpect(status().isUnauthorized()).andExpect(conforms());

        // The copy is empty now, for the person signing in again; the other resident is untouched.
        JsonNode emptied = myData(afterwards(erased));
        assertThat(emptied.get("ratings").isEmpty()).isTrue();
        assertThat(emptied.get("photos").isEmpty()).isTrue();
        assertThat(emptied.get("notifications").isEmpty()).isTrue();
        assertThat(withoutTime(myData(other.token()))).isEqualTo(othersCopyBefore);

        // Again: the same code gets the same receipt, and nothing changes.
        long auditedBefore = audited();
        JsonNode again = JSON.readTree(erase(erased.token(), code).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again).isEqualTo(receipt);
        erase(erased.token(), null).andExpect(status().is(428)).andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_REQUIRED"));
        assertThat(audited()).isEqualTo(auditedBefore);
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void an_erasure_without_its_valid_confirmation_is_a_clear_problem_and_erases_nothing() throws Exception {
        Resident resident = residentWithData("unconfirmed", 8);
        Resident other = residentWithData("unconfirmed-other", 10);
        JsonNode copyBefore = withoutTime(myData(resident.token()));

        erase(resident.token(), null).andExpect(status().is(428)).andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_REQUIRED"));
        erase(resident.token(), "ABCD-EFGH").andExpect(status().is(428))
                .andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_REQUIRED"))
                .andExpect(jsonPath("$.title").value("Ask for an erasure confirmation code first"));
        String othersCode = requestCode(other.token());
        erase(resident.token(), othersCode).andExpect(status().is(428))
                .andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_REQUIRED"));

        String code = requestCode(resident.token());
        erase(resident.token(), othersCode).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_INVALID"));
        String older = code;
        code = requestCode(resident.token());
        erase(resident.token(), older).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_INVALID"));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(ErasureConfirmations.idOf(resident.subject()))),
                new org.springframework.data.mongodb.core.query.Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))),
                ErasureConfirmations.COLLECTION);
        erase(resident.token(), code).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_EXPIRED"));

        code = requestCode(resident.token());
        for (int i = 0; i < ErasureConfirmations.MAX_ATTEMPTS; i++) {
            erase(resident.token(), "WRONG-" + i).andExpect(status().isUnprocessableContent());
        }
        // Five wrong codes void the right one.
        erase(resident.token(), code).andExpect(status().is(428)).andExpect(jsonPath("$.code").value("ERASURE_CONFIRMATION_REQUIRED"));

        assertThat(withoutTime(myData(resident.token()))).as("nothing erased").isEqualTo(copyBefore);
        assertThat(rating(other.badRating()).getString("resident")).isEqualTo(other.subject());
        String typedLoosely = requestCode(resident.token()).replace("-", " ").toLowerCase(java.util.Locale.ROOT);
        erase(resident.token(), typedLoosely).andExpect(status().isOk());
        assertThat(rating(other.badRating()).getString("resident")).as("one resident's erasure is theirs alone")
                .isEqualTo(other.subject());
        assertThat(myData(other.token()).get("ratings").size()).isEqualTo(4);
    }

    /** What the dashboard and the public summary say of the campaign, and its participants. */
    record Figures(long count, Map<Integer, Long> levels, long participants) {
    }

    private Figures figures() throws Exception {
        CampaignDashboard dashboard = satisfaction.dashboard(CaseFixtures.supervisor("figures-reader"), CAMPAIGN, null, null, null);
        JsonNode summary = JSON.readTree(mvc.perform(get("/api/v1/campaigns/{code}/summary", CAMPAIGN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<Integer, Long> levels = new TreeMap<>();
        summary.get("distribution").forEach(level -> {
            if (level.get("count").asLong() > 0) {
                levels.put(level.get("level").asInt(), level.get("count").asLong());
            }
        });
        assertThat(summary.get("count").asLong()).isEqualTo(dashboard.total().count());
        return new Figures(summary.get("count").asLong(), levels, dashboard.participants());
    }

    /** The same figures counted from the stored ratings, not from the rollups. */
    private Figures independentCount() {
        Map<Integer, Long> levels = new TreeMap<>();
        Set<String> residents = new HashSet<>();
        long count = 0;
        for (Document rating : mongo.getCollection("ratings").find(new Document("campaignCode", CAMPAIGN).append("invalidated", false))) {
            count++;
            levels.merge(rating.getInteger("level"), 1L, Long::sum);
            residents.add(rating.getString("resident"));
        }
        return new Figures(count, levels, residents.size());
    }

    private long audited() {
        return auditTrail.newest(CaseFixtures.official("erasure-auditor", Set.of(Role.AUDITOR), null, null), 1000).size();
    }

    private Document rating(String id) {
        return mongo.findById(id, Document.class, "ratings");
    }

    private static JsonNode rating(JsonNode copy, String id) {
        return copy.get("ratings").valueStream().filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode photo(JsonNode copy, String id) {
        return copy.get("photos").valueStream().filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode withoutTime(JsonNode copy) {
        ObjectNode without = (ObjectNode) copy.deepCopy();
        without.remove("generatedAt");
        return without;
    }

    /** The participant document's id as the rollups derive it (campaign, 96 bits of SHA-256 of the resident). */
    private static String participant(String campaign, String resident) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(resident.getBytes(StandardCharsets.UTF_8));
        return campaign + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
    }

    /** The notifications document's id as the notification feature derives it. */
    private static final class NotificationKey {
        static String of(String resident) throws Exception {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("resident:" + resident).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        }
    }
}
