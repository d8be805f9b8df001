package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class RatingConcurrencyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    MongoTemplate mongo;

    @Test
    void the_same_key_sent_twenty_times_at_once_stores_exactly_one_rating() throws Exception {
        String resident = "burst-" + UUID.randomUUID();
        String token = tokens.resident(resident);
        String body = "{\"campaignCode\":\"property-management\",\"formVersion\":1,\"subjectId\":\"pm-023\",\"regionCode\":\""
                + RatingFixtures.regionOf("pm-023") + "\",\"level\":4,\"reasonTags\":[\"clean\"]}";
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                start.await();
                return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "key-burst-00001").contentType(MediaType.APPLICATION_JSON).content(body))
                        .andReturn().getResponse();
            });
        }

        List<MockHttpServletResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<MockHttpServletResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<MockHttpServletResponse> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        List<String> ids = responses.stream().map(response -> {
            try {
                return (String) JsonPath.read(response.getContentAsString(), "$.id");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(responses.stream().filter(response -> "false".equals(response.getHeader("Idempotent-Replayed")))).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("resident").is(resident)), Rating.class)).isEqualTo(1);
    }
}
