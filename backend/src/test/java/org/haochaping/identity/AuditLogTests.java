package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

import org.haochaping.IntegrationTest;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuditLogTests {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    CampaignStewardship stewardship;

    static final Actor SUPERVISOR = new Actor("supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);

    @Test
    void a_refused_change_is_recorded_with_who_and_what() {
        Actor outsider = new Actor("manager-approval", "审批局", Set.of(Role.MANAGER), "approval-services", null);

        assertThatThrownBy(() -> stewardship.suspend(outsider, "illegal-construction")).isInstanceOf(ForbiddenException.class);

        AuditEntry last = auditTrail.newest(SUPERVISOR, 1).getFirst();
        assertThat(last.actor()).isEqualTo("manager-approval");
        assertThat(last.action()).isEqualTo("ACCESS_DENIED");
        assertThat(last.target()).isEqualTo("campaign:illegal-construction");
        assertThat(last.roles()).containsExactly("MANAGER");
    }

    @Test
    void a_change_made_in_a_role_is_recorded() {
        stewardship.suspend(SUPERVISOR, "idle-resources");
        stewardship.resume(SUPERVISOR, "idle-resources");

        assertThat(auditTrail.newest(SUPERVISOR, 2)).extracting(AuditEntry::action)
                .containsExactly("CAMPAIGN_RESUMED", "CAMPAIGN_SUSPENDED");
    }

    @Test
    void the_audit_log_offers_no_way_to_change_or_delete_an_entry() throws Exception {
        Class<?> repository = Class.forName("org.haochaping.identity.audit.AuditEntries");
        Set<String> allowed = Set.of("insert", "findAll", "count");

        assertThat(Arrays.stream(repository.getMethods()).map(Method::getName)).allMatch(allowed::contains);
        assertThat(Arrays.stream(AuditLog.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("update") || name.startsWith("save"));
    }
}
