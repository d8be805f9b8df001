package org.haochaping.system.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Authentication of the embedded store's connections, which mongo-java-server does not have: a
 * connection proves the store's credentials with SCRAM-SHA-256 ({@code saslStart},
 * {@code saslContinue} on {@code admin}) before any other command than the handshake is answered;
 * otherwise MongoDB's error 13 (Unauthorized). A {@code speculativeAuthenticate} in the handshake is
 * ignored, so the driver falls back to the ordinary exchange.
 */
final class StoreAuthentication {

    /** What an unauthenticated connection may do: the driver's handshake and monitoring, and authenticating. */
    private static final Set<String> OPEN = Set.of("ismaster", "hello", "buildinfo", "ping", "saslstart", "saslcontinue");
    private static final String MECHANISM = "SCRAM-SHA-256";
    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final int CONVERSATION_ID = 1;
    private static final AttributeKey<State> STATE = AttributeKey.valueOf(StoreAuthentication.class, "state");

    private final ScramSha256.Verifier verifier;

    StoreAuthentication(ScramSha256.Verifier verifier) {
        this.verifier = verifier;
    }

    /** One connection's state: its exchange under way, and whether it has authenticated. */
    private static final class State {
        volatile ScramSha256.@Nullable Conversation conversation;
        volatile boolean authenticated;
    }

    /** Answers {@code saslStart} and {@code saslContinue}; null for any other command, which then must be allowed. */
    @Nullable Document answer(Channel channel, String database, String command, Document query) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "saslstart" -> start(channel, database, query);
            case "saslcontinue" -> proceed(channel, query);
            default -> {
                requireAllowed(channel, command);
                yield null;
            }
        };
    }

    /** Whether an ordinary query (not a command) may run on this connection. */
    void requireAuthenticated(Channel channel, String what) {
        if (!state(channel).authenticated) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", what + " requires authentication");
        }
    }

    /** The handshake's answer, plus the mechanism a client asking for it ({@code saslSupportedMechs}) should use. */
    static void offerMechanism(Document query, Document handshake) {
        if (query.containsKey("saslSupportedMechs")) {
            handshake.put("saslSupportedMechs", List.of(MECHANISM));
        }
    }

    private void requireAllowed(Channel channel, String command) {
        if (!OPEN.contains(command.toLowerCase(Locale.ROOT))) {
            requireAuthenticated(channel, "command " + command);
        }
    }

    private Document start(Channel channel, String database, Document query) {
        State state = state(channel);
        state.authenticated = false;
        if (!"admin".equals(database) || !MECHANISM.equals(query.get("mechanism"))) {
            throw failed();
        }
        ScramSha256.Conversation conversation = new ScramSha256.Conversation(verifier);
        state.conversation = conversation;
        try {
            return reply(conversation.start(payload(query)), false);
        } catch (ScramSha256.Refused refused) {
            state.conversation = null;
            throw failed();
        }
    }

    private Document proceed(Channel channel, Document query) {
        State state = state(channel);
        ScramSha256.Conversation conversation = state.conversation;
        if (conversation == null || !(query.get("conversationId") instanceof Number id) || id.intValue() != CONVERSATION_ID) {
            throw failed();
        }
        if (state.authenticated) {
            return reply(new byte[0], true); // the empty last step of a client that does not skip it
        }
        try {
            byte[] serverFinal = conversation.finish(payload(query));
            state.authenticated = true;
            return reply(serverFinal, true);
        } catch (ScramSha256.Refused refused) {
            state.conversation = null;
            throw failed();
        }
    }

    private static byte[] payload(Document query) {
        if (query.get("payload") instanceof BinData data) {
            return data.getData();
        }
        throw failed();
    }

    private static Document reply(byte[] payload, boolean done) {
        Document reply = new Document();
        reply.put("conversationId", CONVERSATION_ID);
        reply.put("done", done);
        reply.put("payload", new BinData(payload));
        reply.put("ok", 1.0);
        return reply;
    }

    private static MongoServerError failed() {
        return new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }

    private static State state(Channel channel) {
        State state = channel.attr(STATE).get();
        if (state == null) {
            State created = new State();
            state = channel.attr(STATE).setIfAbsent(created);
            return state == null ? created : state;
        }
        return state;
    }
}
