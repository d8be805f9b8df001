package org.haochaping.identity.local;

/**
 * The console's client credentials at the embedded provider. The secret is generated at each
 * start and never leaves the process: the console, in the same process, is its only user.
 */
public record LocalConsoleClient(String clientId, String clientSecret) {

    public static final String REGISTRATION_ID = "haochaping";
}
