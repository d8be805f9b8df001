package org.haochaping.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** CORS is closed unless origins are configured; then exactly those origins may call the API. */
@SpringBootTest(properties = {"haochaping.data-dir=target/test-data/${random.uuid}",
        "haochaping.identity.cors-allowed-origins=https://app.xiangyuan.example"})
@AutoConfigureMockMvc
class CorsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void a_configured_origin_may_call_the_api_from_a_browser() throws Exception {
        mvc.perform(options("/api/v1/ratings").header("Origin", "https://app.xiangyuan.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "Authorization, Idempotency-Key, Content-Type"))
                .andExpect(header().string("Access-Control-Allow-Origin", "https://app.xiangyuan.example"));
    }

    @Test
    void any_other_origin_is_not_allowed() throws Exception {
        mvc.perform(options("/api/v1/ratings").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
