package org.haochaping.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.logscan.LogLeaks.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log scan finds each kind of leak planted in a log line, and passes the lines a healthy run writes. */
class LogLeaksTests {

    final LogLeaks leaks = new LogLeaks(List.of("k7Qm2xZp9RtW4vBn"));

    @Test
    void a_token_is_found_by_its_shape_or_its_name() {
        assertThat(kinds("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudDEifQ.c2lnbmF0dXJl"))
                .contains(Kind.TOKEN);
        assertThat(kinds("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudDEifQ.c2ln")).containsExactly(Kind.TOKEN);
        assertThat(kinds("refresh_token=Q2xpZW50U2VjcmV0VmFsdWVfMTIzNDU2Nzg5")).containsExactly(Kind.TOKEN);
        assertThat(kinds("{\"access_token\": \"Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4\"}")).containsExactly(Kind.TOKEN);
    }

    @Test
    void a_password_is_found_as_a_pair_or_as_a_known_generated_secret() {
        assertThat(kinds("login failed for resident1 password=hunter22")).containsExactly(Kind.PASSWORD);
        assertThat(kinds("{\"password\":\"s3cr3t!\"}")).containsExactly(Kind.PASSWORD);
        assertThat(kinds("demo account resident1 k7Qm2xZp9RtW4vBn RESIDENT")).containsExactly(Kind.KNOWN_SECRET);
        assertThat(kinds("password=****, client_secret=[PROTECTED], password: null")).isEmpty();
    }

    @Test
    void a_mobile_number_an_identity_number_and_an_address_are_found() {
        assertThat(kinds("contact 13812345678 by SMS")).containsExactly(Kind.PHONE);
        assertThat(kinds("phone=+86-19912345678")).containsExactly(Kind.PHONE);
        assertThat(kinds("id 11010519491231002X checked")).containsExactly(Kind.ID_CARD);
        assertThat(kinds("rate limited 203.0.113.45")).containsExactly(Kind.IP_ADDRESS);
        assertThat(kinds("from 192.0.2.12:54321")).containsExactly(Kind.IP_ADDRESS);
        assertThat(kinds("client 2001:db8:1::7 rated")).containsExactly(Kind.IP_ADDRESS);
        assertThat(kinds("client fe80:0:0:0:200:f8ff:fe21:67cf rated")).containsExactly(Kind.IP_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-27T09:58:27.123+08:00  INFO 4242 --- [main] o.h.HaochapingApplication : Started in 5.123 seconds",
        "Using the EMBEDDED store, listening on mongodb://127.0.0.1:40123 (user and password in /tmp/x/embedded-store.credentials)",
        "Tomcat started on port 8080 (http) with context path '/'; bound to 0.0.0.0 and ::1 and [::]",
        "netty 4.2.15.Final, mongo driver 5.6.5, OID 1.2.840.113549.1.1.11",
        "took 1732700000000 ms; ids 110105194912310021 12345678901; version 3.12.0.1234",
        "java.lang.IllegalStateException at org.Foo::bar(Foo.java:12) 10:15:30",
        "rating 6745f3a2b1c9d8e7f6a5b4c3 saved, hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
    void a_healthy_log_line_passes(String line) {
        assertThat(leaks.in(line)).isEmpty();
    }

    @Test
    void a_finding_is_reported_masked() {
        assertThat(leaks.in("contact 13812345678").getFirst().masked()).isEqualTo("138***78");
    }

    private List<Kind> kinds(String line) {
        return leaks.in(line).stream().map(LogLeaks.Leak::kind).distinct().toList();
    }
}
