package org.haochaping.logscan;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never appear in a log line: a token, a password, a mobile number, an identity-card
 * number or an IP address. Each kind is looked for strictly, with what makes a match certain
 * (a JWT's shape, an identity number's checksum and birth date, an address that parses) rather
 * than by weakening the patterns.
 * <p>
 * Loopback ({@code 127.0.0.0/8}, {@code ::1}) and unspecified ({@code 0.0.0.0}, {@code ::}) addresses
 * are allowed: they are the machine itself (where the embedded store and the test servers listen),
 * never a person. Every other address counts, the documentation ranges tests use included, since a
 * test address in a log means real addresses would be logged too.
 */
final class LogLeaks {

    enum Kind { TOKEN, PASSWORD, KNOWN_SECRET, PHONE, ID_CARD, IP_ADDRESS }

    record Leak(Kind kind, String value) {

        /** Enough to find it, not enough to use it. */
        String masked() {
            return value.length() <= 6 ? "***" : value.substring(0, 3) + "***" + value.substring(value.length() - 2);
        }
    }

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{16,}=*");
    private static final Pattern TOKEN_PARAMETER = Pattern.compile(
            "(?i)(?:access|refresh|id)_?token[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9._~+/-]{16,})");
    private static final Pattern PASSWORD_PAIR = Pattern.compile(
            "(?i)(?:password|passwd|pwd|client_secret|secret)[\"']?\\s*[=:]\\s*[\"']?([^\\s\"',;&}\\]]+)");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9]|\\.[0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])");
    /** Values a password pair may show without leaking anything. */
    private static final Pattern MASKED = Pattern.compile("(?i)\\**|\\[?(?:protected|redacted|hidden|masked)\\]?|null|<[a-z-]+>|\\{}|%s");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private final Collection<String> knownSecrets;

    /** @param knownSecrets values known to be secret (generated passwords, keys), looked for literally */
    LogLeaks(Collection<String> knownSecrets) {
        this.knownSecrets = knownSecrets.stream().filter(secret -> secret.length() >= 8).toList();
    }

    List<Leak> in(String line) {
        List<Leak> leaks = new ArrayList<>();
        find(JWT, line, Kind.TOKEN, leaks);
        find(BEARER, line, Kind.TOKEN, leaks);
        Matcher token = TOKEN_PARAMETER.matcher(line);
        while (token.find()) {
            leaks.add(new Leak(Kind.TOKEN, token.group(1)));
        }
        Matcher password = PASSWORD_PAIR.matcher(line);
        while (password.find()) {
            if (!MASKED.matcher(password.group(1)).matches()) {
                leaks.add(new Leak(Kind.PASSWORD, password.group(1)));
            }
        }
        for (String secret : knownSecrets) {
            if (line.contains(secret)) {
                leaks.add(new Leak(Kind.KNOWN_SECRET, secret));
            }
        }
        find(PHONE, line, Kind.PHONE, leaks);
        Matcher id = ID_CARD.matcher(line);
        while (id.find()) {
            if (isIdentityNumber(id.group())) {
                leaks.add(new Leak(Kind.ID_CARD, id.group()));
            }
        }
        Matcher v4 = IPV4.matcher(line);
        while (v4.find()) {
            if (isPersonalIpv4(v4.group())) {
                leaks.add(new Leak(Kind.IP_ADDRESS, v4.group()));
            }
        }
        Matcher v6 = IPV6.matcher(line);
        while (v6.find()) {
            if (isPersonalIpv6(v6.group())) {
                leaks.add(new Leak(Kind.IP_ADDRESS, v6.group()));
            }
        }
        return leaks;
    }

    private static void find(Pattern pattern, String line, Kind kind, List<Leak> leaks) {
        Matcher matcher = pattern.matcher(line);
        while (matcher.find()) {
            leaks.add(new Leak(kind, matcher.group()));
        }
    }

    /** GB 11643: a valid check character and a plausible birth date (19xx or 20xx). */
    static boolean isIdentityNumber(String candidate) {
        String number = candidate.toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK[sum % 11] != number.charAt(17)) {
            return false;
        }
        int year = Integer.parseInt(number.substring(6, 10));
        int month = Integer.parseInt(number.substring(10, 12));
        int day = Integer.parseInt(number.substring(12, 14));
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isPersonalIpv4(String candidate) {
        String[] octets = candidate.split("\\.");
        for (String octet : octets) {
            if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                return false;
            }
        }
        return !octets[0].equals("127") && !candidate.equals("0.0.0.0");
    }

    /** Only what parses as an address and could not be a clock time ({@code 09:58:27}): eight groups, or a {@code ::}. */
    private static boolean isPersonalIpv6(String candidate) {
        if (!candidate.contains("::") && candidate.split(":", -1).length != 8) {
            return false;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(candidate);
            return !address.isLoopbackAddress() && !address.isAnyLocalAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
