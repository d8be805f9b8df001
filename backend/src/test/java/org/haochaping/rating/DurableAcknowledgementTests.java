package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.haochaping.system.store.ControllableDurability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rating is acknowledged only after the commit that holds it: with the store's commit held back,
 * the request waits, and so does a replay of it; released, both answer 201.
 */
@IntegrationTest
@Import(ControllableDurability.class)
class DurableAcknowledgementTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    @AfterEach
    void letGo() {
        ControllableDurability.release();
    }

    @Test
    void a_submission_and_its_replay_answer_only_after_the_commit() throws Exception {
        String resident = "durable-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ControllableDurability.hold();

        // threads of their own: the common pool has one thread on two cores, and would run them in turn
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> submit(resident, key), threads);
        Thread.sleep(200);
        CompletableFuture<MockHttpServletResponse> replay = CompletableFuture.supplyAsync(() -> submit(resident, key), threads);
        Thread.sleep(500);

        assertThat(first).as("answered before its commit").isNotDone();
        assertThat(replay).as("replay answered before the commit").isNotDone();

        ControllableDurability.release();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(replay.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    }

    private MockHttpServletResponse submit(String resident, String key) {
        try {
            return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-003","regionCode":"%s","level":4}"""
                            .formatted(RatingFixtures.regionOf("pm-003")))).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
