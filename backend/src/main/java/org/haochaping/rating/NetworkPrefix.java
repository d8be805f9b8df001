package org.haochaping.rating;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The network an address belongs to, as it is hashed: an IPv4 address's /24, an IPv6 address's /48
 * (a site's usual allocation). A single address hashed under any key can be found again by trying
 * all 2^32 of them; a /24 names a street's worth of subscribers, enough to see many residents rate
 * from one network, too coarse to point at one of them.
 */
final class NetworkPrefix {

    private static final int IPV6_PREFIX_BYTES = 6;

    private NetworkPrefix() {
    }

    /**
     * The prefix of {@code address} (a literal IPv4 or IPv6 address, the latter possibly in brackets or
     * with a zone), as text such as {@code 198.51.100.0/24} or {@code 2001:0db8:0001::/48}; an IPv4-mapped
     * IPv6 address counts as its IPv4 address. Null for anything that is not an address literal: no
     * name is ever looked up.
     */
    static @Nullable String of(@Nullable String address) {
        InetAddress parsed = parse(address);
        if (parsed instanceof Inet4Address) {
            byte[] bytes = parsed.getAddress();
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        if (parsed instanceof Inet6Address) {
            byte[] bytes = parsed.getAddress();
            if (isIpv4Mapped(bytes)) {
                return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + ".0/24";
            }
            String hex = HexFormat.of().formatHex(Arrays.copyOf(bytes, IPV6_PREFIX_BYTES));
            return hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8, 12) + "::/48";
        }
        return null;
    }

    private static @Nullable InetAddress parse(@Nullable String address) {
        if (address == null) {
            return null;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.contains(":")) {
            literal = literal.substring(0, zone);
        }
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+") || !(literal.contains(":") || isDottedQuad(literal))) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** Only the full dotted form: {@code 10.1} or {@code 167772161} are legal in some parsers but not what a server reports. */
    private static boolean isDottedQuad(String literal) {
        return literal.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
