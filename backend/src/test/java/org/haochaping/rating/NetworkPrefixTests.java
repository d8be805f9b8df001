package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses are hashed by network: a /24 for IPv4, a /48 for IPv6, so one address cannot be found again by trying them all. */
class NetworkPrefixTests {

    @Test
    void an_ipv4_address_counts_as_its_slash_24() {
        assertThat(NetworkPrefix.of("198.51.100.7")).isEqualTo("198.51.100.0/24")
                .isEqualTo(NetworkPrefix.of("198.51.100.254"));
        assertThat(NetworkPrefix.of("198.51.101.7")).isEqualTo("198.51.101.0/24");
        assertThat(NetworkPrefix.of(" 10.0.0.1 ")).isEqualTo("10.0.0.0/24");
    }

    @Test
    void an_ipv4_mapped_ipv6_address_counts_as_the_ipv4_address() {
        assertThat(NetworkPrefix.of("::ffff:198.51.100.9")).isEqualTo("198.51.100.0/24");
        assertThat(NetworkPrefix.of("::FFFF:C633:6409")).isEqualTo("198.51.100.0/24");
        assertThat(NetworkPrefix.of("[::ffff:198.51.100.9]")).isEqualTo("198.51.100.0/24");
    }

    @Test
    void an_ipv6_address_counts_as_its_slash_48() {
        assertThat(NetworkPrefix.of("2001:db8:1:2::1")).isEqualTo("2001:0db8:0001::/48")
                .isEqualTo(NetworkPrefix.of("2001:0db8:0001:ffff:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(NetworkPrefix.of("[2001:db8:1::5]"))
                .isEqualTo(NetworkPrefix.of("2001:db8:1::5%eth0"));
        assertThat(NetworkPrefix.of("2001:db8:2::1")).isEqualTo("2001:0db8:0002::/48");
        assertThat(NetworkPrefix.of("::1")).isEqualTo("0000:0000:0000::/48");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "unknown", "example.com", "localhost", "1.2.3.256", "1.2.3", "10.1", "167772161",
        "01.2.3.4", "1.2.3.4.5", "2001:db8::1::2", "2001:db8:zz::1", "[1.2.3.4", ":::", "1.2.3.4/24", "1.2.3.4:8080"})
    void what_is_not_an_address_literal_has_no_network_and_is_never_looked_up(String input) {
        assertThat(NetworkPrefix.of(input)).isNull();
    }
}
