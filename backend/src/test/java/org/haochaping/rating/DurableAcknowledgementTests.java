package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.haochaping.system.store.WriteDurability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rating is acknowledged only after the commit that holds it: with the store's commit held back,
 * the request waits, and so does a replay of it; released, both answer 201.
 */
@IntegrationTest
@Import(DurableAcknowledgementTests.HeldCommit.class)
class DurableAcknowledgementTests {

    /** The store's durability, with a gate in front that a test can close. */
    @TestConfiguration
    static class HeldCommit {
        static final AtomicBoolean HOLDING = new AtomicBoolean();
        static volatile CountDownLatch release = new CountDownLatch(0);

        @Bean
        static BeanPostProcessor heldCommit() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof WriteDurability real)) {
                        return bean;
                    }
                    return (WriteDurability) () -> {
                        if (HOLDING.get()) {
                            awaitRelease();
                        }
                        real.awaitDurable();
                    };
                }
            };
        }

        private static void awaitRelease() {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    @AfterEach
    void letGo() {
        HeldCommit.HOLDING.set(false);
        HeldCommit.release.countDown();
    }

    @Test
    void a_submission_and_its_replay_answer_only_after_the_commit() throws Exception {
        String resident = "durable-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HeldCommit.release = new CountDownLatch(1);
        HeldCommit.HOLDING.set(true);

        // threads of their own: the common pool has one thread on two cores, and would run them in turn
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> submit(resident, key), threads);
        Thread.sleep(200);
        CompletableFuture<MockHttpServletResponse> replay = CompletableFuture.supplyAsync(() -> submit(resident, key), threads);
        Thread.sleep(500);

        assertThat(first).as("answered before its commit").isNotDone();
        assertThat(replay).as("replay answered before the commit").isNotDone();

        HeldCommit.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(replay.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    }

    private MockHttpServletResponse submit(String resident, String key) {
        try {
            return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"campaignCode":"property-management","subjectId":"pm-003","regionCode":"%s","level":4}"""
                            .formatted(RatingFixtures.regionOf("pm-003")))).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
