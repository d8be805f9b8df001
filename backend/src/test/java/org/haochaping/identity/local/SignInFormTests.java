package org.haochaping.identity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.IntegrationTest;
import org.haochaping.LocalServer;
import org.haochaping.identity.audit.AuditMark;
import org.haochaping.identity.audit.AuditLog;
import org.haochaping.identity.audit.SignInNames;
import org.haochaping.system.HaochapingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The embedded provider's sign-in form: what reaches the audit log, and the throttle on guessing. */
@IntegrationTest
class SignInFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    HaochapingProperties properties;
    @Autowired
    SignInNames names;

    @Test
    void unknown_username_is_audited_only_as_a_truncated_hash() throws Exception {
        String typedPassword = "MySecretPa55word!";
        AuditMark mark = AuditMark.now(auditLog);

        signIn(typedPassword, "whatever", "192.0.2.10").andExpect(redirectedUrl("/idp/login?error"));

        assertThat(auditLog.newest(50)).noneSatisfy(entry -> assertThat(entry.toString()).contains(typedPassword));
        String hashed = names.forAudit(typedPassword);
        assertThat(hashed).matches("unknown:[0-9a-f]{8}");
        assertThat(mark.actionsBy(hashed)).containsExactly("LOGIN_FAILED");
    }

    @Test
    void a_known_username_is_audited_by_name() throws Exception {
        AuditMark mark = AuditMark.now(auditLog);

        signIn("resident7", "wrong-password", "192.0.2.11").andExpect(redirectedUrl("/idp/login?error"));

        assertThat(mark.actionsBy("resident7")).containsExactly("LOGIN_FAILED");
    }

    @Test
    void after_five_failures_even_the_right_password_waits_and_the_attempt_is_audited() throws Exception {
        AuditMark mark = AuditMark.now(auditLog);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
            signIn("resident8", "wrong-" + i, "192.0.2.12").andExpect(redirectedUrl("/idp/login?error"));
            expected.add("LOGIN_FAILED");
        }
        expected.add("LOGIN_THROTTLED");

        signIn("resident8", LocalServer.password(properties.dataDir(), "resident8"), "192.0.2.12")
                .andExpect(redirectedUrl(SignInThrottleFilter.THROTTLED_PAGE));

        mvc.perform(get(SignInThrottleFilter.THROTTLED_PAGE)).andExpect(content().string(
                org.hamcrest.Matchers.containsString("登录失败次数过多，请稍等片刻再试")));
        assertThat(mark.actionsBy("resident8")).containsExactlyElementsOf(expected);
    }

    @Test
    void one_address_guessing_many_accounts_is_throttled() throws Exception {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
            signIn("resident" + (10 + i), "wrong", "192.0.2.13").andExpect(redirectedUrl("/idp/login?error"));
        }

        signIn("resident19", "wrong", "192.0.2.13").andExpect(redirectedUrl(SignInThrottleFilter.THROTTLED_PAGE));
        signIn("resident19", "wrong", "192.0.2.14").andExpect(redirectedUrl("/idp/login?error"));
    }

    private ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/idp/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}
