package org.haochaping.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.responseConforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.rating.RatingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class MediaApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    ResultActions upload(String resident, byte[] bytes, String declaredType) throws Exception {
        return mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).file(new MockMultipartFile("file", "photo.jpg", declaredType, bytes))
                .header("Authorization", "Bearer " + tokens.resident(resident)));
    }

    @Test
    void a_retried_upload_gets_the_photo_its_first_try_stored_and_never_a_second() throws Exception {
        String owner = "retry-" + UUID.randomUUID();
        byte[] photo = TestImages.png(9, 9);
        long storedBefore = mongo.getCollection("fs.files").countDocuments();
        String first = JsonPath.read(keyed(owner, "upload-key-1", photo).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andExpect(responseConforms())
                .andReturn().getResponse().getContentAsString(), "$.id");

        String retried = JsonPath.read(keyed(owner, "upload-key-1", photo).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andExpect(responseConforms())
                .andReturn().getResponse().getContentAsString(), "$.id");

        assertThat(retried).isEqualTo(first);
        assertThat(mongo.getCollection("fs.files").countDocuments()).as("one photo stored").isEqualTo(storedBefore + 1);
        keyed(owner, "upload-key-1", TestImages.png(10, 10)).andExpect(status().isUnprocessableContent())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        String othersPhoto = JsonPath.read(keyed("someone-" + UUID.randomUUID(), "upload-key-1", photo)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(othersPhoto).as("keys are per uploader").isNotEqualTo(first);
    }

    @Test
    void a_photo_never_changes_so_its_uploader_may_cache_it_for_a_year() throws Exception {
        String owner = "cache-" + UUID.randomUUID();
        String id = JsonPath.read(upload(owner, TestImages.png(8, 8), "image/png").andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/media/{id}", id).header("Authorization", "Bearer " + tokens.resident(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("max-age=31536000"), org.hamcrest.Matchers.containsString("immutable"),
                        org.hamcrest.Matchers.containsString("private"))));
    }

    private ResultActions keyed(String resident, String key, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", key)
                .file(new MockMultipartFile("file", "photo.png", "image/png", bytes))
                .header("Authorization", "Bearer " + tokens.resident(resident)));
    }

    @Test
    void an_uploaded_photo_comes_back_without_exif_to_its_uploader_only() throws Exception {
        String owner = "photo-" + UUID.randomUUID();
        String id = JsonPath.read(upload(owner, TestImages.jpegWithGpsExif(), "image/jpeg")
                .andExpect(status().isCreated())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.width").value(16))
                .andReturn().getResponse().getContentAsString(), "$.id");

        byte[] stored = mvc.perform(get("/api/v1/media/{id}", id).header("Authorization", "Bearer " + tokens.resident(owner)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(TestImages.containsAscii(stored, "Exif")).isFalse();
        assertThat(TestImages.containsAscii(stored, "GPS")).isFalse();

        mvc.perform(get("/api/v1/media/{id}", id).header("Authorization", "Bearer " + tokens.resident("someone-else")))
                .andExpect(status().isNotFound()).andExpect(responseConforms());
        mvc.perform(get("/api/v1/media/{id}", id))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_photo_in_a_rating_is_visible_to_officials_in_scope_and_no_one_else() throws Exception {
        String owner = "photo-" + UUID.randomUUID();
        String id = JsonPath.read(upload(owner, TestImages.png(20, 20), "image/png").andReturn().getResponse()
                .getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(owner))
                        .header("Idempotency-Key", "key-photo-" + id.substring(0, 8)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignCode\":\"property-management\",\"formVersion\":1,\"subjectId\":\"pm-020\",\"regionCode\":\""
                                + RatingFixtures.regionOf("pm-020") + "\",\"level\":1,\"reasonTags\":[\"dirty\"],\"photoIds\":[\"" + id + "\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.photoIds[0]").value(id));

        photo(id, tokens.forRole("manager", Role.MANAGER, "housing-construction")).andExpect(status().isOk());
        photo(id, tokens.forRole("supervisor", Role.SUPERVISOR, null)).andExpect(status().isOk());
        photo(id, tokens.forRole("other-manager", Role.MANAGER, "approval-services")).andExpect(status().isForbidden());
        photo(id, tokens.resident("resident-stranger")).andExpect(status().isNotFound());
    }

    @Test
    void a_photo_cannot_be_attached_by_someone_else_or_twice() throws Exception {
        String owner = "photo-" + UUID.randomUUID();
        String id = JsonPath.read(upload(owner, TestImages.png(8, 8), "image/png").andReturn().getResponse()
                .getContentAsString(), "$.id");
        String rating = "{\"campaignCode\":\"property-management\",\"formVersion\":1,\"subjectId\":\"%s\",\"regionCode\":\"%s\",\"level\":5,"
                + "\"reasonTags\":[\"clean\"],\"photoIds\":[\"" + id + "\"]}";

        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident("thief-" + UUID.randomUUID()))
                        .header("Idempotency-Key", "key-thief-0001").contentType(MediaType.APPLICATION_JSON)
                        .content(rating.formatted("pm-021", RatingFixtures.regionOf("pm-021"))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_PHOTO"));
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(owner))
                        .header("Idempotency-Key", "key-owner-0001").contentType(MediaType.APPLICATION_JSON)
                        .content(rating.formatted("pm-021", RatingFixtures.regionOf("pm-021"))))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(owner))
                        .header("Idempotency-Key", "key-owner-0002").contentType(MediaType.APPLICATION_JSON)
                        .content(rating.formatted("pm-022", RatingFixtures.regionOf("pm-022"))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_PHOTO"));
    }

    @Test
    void officials_who_act_on_cases_upload_evidence_and_auditors_may_not() throws Exception {
        for (Role role : new Role[] {Role.HANDLER, Role.MANAGER, Role.SUPERVISOR}) {
            String official = "official-" + UUID.randomUUID();
            String token = tokens.forRole(official, role, "housing-construction");
            String id = JsonPath.read(mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                            .file(new MockMultipartFile("file", "photo.png", "image/png", TestImages.jpegWithGpsExif()))
                            .header("Authorization", "Bearer " + token))
                    .andExpect(status().isCreated()).andExpect(responseConforms())
                    .andReturn().getResponse().getContentAsString(), "$.id");
            byte[] stored = photo(id, token).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(TestImages.containsAscii(stored, "GPS")).as("cleaned like a resident's").isFalse();
            // Until a case step claims it, an official's upload is theirs alone, even for a supervisor.
            photo(id, tokens.forRole("another-" + UUID.randomUUID(), Role.SUPERVISOR, null)).andExpect(status().isForbidden());
            photo(id, tokens.resident("resident-" + UUID.randomUUID())).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).file(new MockMultipartFile("file", "photo.png", "image/png", TestImages.png(8, 8)))
                        .header("Authorization", "Bearer " + tokens.forRole("auditor-" + UUID.randomUUID(), Role.AUDITOR, null)))
                .andExpect(status().isForbidden()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void webp_is_accepted_and_stored_as_jpeg() throws Exception {
        upload("photo-" + UUID.randomUUID(), TestImages.webp(), "image/webp")
                .andExpect(status().isCreated()).andExpect(responseConforms())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"));
    }

    @Test
    void a_disguised_file_is_a_415_whatever_its_declared_type() throws Exception {
        upload("photo-" + UUID.randomUUID(), TestImages.textDisguisedAsJpeg(), "image/jpeg")
                .andExpect(status().isUnsupportedMediaType()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_IMAGE_TYPE"));
    }

    @Test
    void an_oversize_file_is_a_413() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(4, 4), 0, big, 0, 100);
        upload("photo-" + UUID.randomUUID(), big, "image/jpeg")
                .andExpect(status().isPayloadTooLarge()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void a_non_multipart_upload_is_a_415() throws Exception {
        mvc.perform(post("/api/v1/media").header("Authorization", "Bearer " + tokens.resident("resident1")).header("Idempotency-Key", "json-upload-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"file\":\"x\"}"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(responseConforms());
    }

    private ResultActions photo(String id, String token) throws Exception {
        return mvc.perform(get("/api/v1/media/{id}", id).header("Authorization", "Bearer " + token));
    }
}
