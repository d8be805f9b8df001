package org.haochaping.system.web;

import static org.haochaping.ApiContract.conforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.haochaping.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What the app reads at start, without signing in. */
@IntegrationTest
class AppConfigTests {

    @Autowired
    MockMvc mvc;

    @Test
    void the_app_learns_the_oldest_version_served_and_where_the_privacy_notice_is() throws Exception {
        mvc.perform(get("/api/v1/app/config")).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.minimumSupportedVersion").value("1.0.0"))
                .andExpect(jsonPath("$.announcements").isArray())
                .andExpect(jsonPath("$.privacyNoticeUrl").value("/api/v1/app/privacy-notice"));
    }

    @Test
    void the_privacy_notice_is_a_page_in_chinese_and_english() throws Exception {
        mvc.perform(get("/api/v1/app/privacy-notice")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("隐私说明"),
                        org.hamcrest.Matchers.containsString("Privacy notice"))));
    }
}
