package org.haochaping.system.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The server's side of SCRAM-SHA-256 refuses a wrong password, an unknown user, a replayed or altered
 * exchange by itself (not only because the client would then doubt the server), and accepts the
 * right password with the signature RFC 7677 prescribes.
 */
class ScramSha256Tests {

    final ScramSha256.Verifier verifier = ScramSha256.Verifier.of("haochaping", "right-password");

    @Test
    void the_right_password_is_accepted_and_the_server_proves_it_knows_the_key() throws Exception {
        Client client = new Client("haochaping", "right-password");
        ScramSha256.Conversation conversation = new ScramSha256.Conversation(verifier);
        String serverFirst = text(conversation.start(client.first()));
        String serverFinal = text(conversation.finish(client.last(serverFirst)));
        assertThat(serverFinal).isEqualTo(client.expectedServerFinal());
    }

    @Test
    void a_wrong_password_or_an_unknown_user_is_refused_by_the_server() throws Exception {
        for (Client client : new Client[] {new Client("haochaping", "wrong-password"), new Client("admin", "right-password")}) {
            ScramSha256.Conversation conversation = new ScramSha256.Conversation(verifier);
            String serverFirst = text(conversation.start(client.first()));
            byte[] last = client.last(serverFirst);
            assertThatThrownBy(() -> conversation.finish(last)).isInstanceOf(ScramSha256.Refused.class);
        }
    }

    @Test
    void an_altered_nonce_or_a_second_final_message_is_refused() throws Exception {
        Client client = new Client("haochaping", "right-password");
        ScramSha256.Conversation conversation = new ScramSha256.Conversation(verifier);
        String serverFirst = text(conversation.start(client.first()));
        byte[] last = client.last(serverFirst);
        byte[] altered = text(last).replace(",r=", ",r=x").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> conversation.finish(altered)).isInstanceOf(ScramSha256.Refused.class);
        assertThatThrownBy(() -> conversation.finish(last)).as("one attempt per exchange").isInstanceOf(ScramSha256.Refused.class);
        assertThatThrownBy(() -> new ScramSha256.Conversation(verifier).start("p=tls-unique,,n=x,r=y".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScramSha256.Refused.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A SCRAM-SHA-256 client, as RFC 5802 describes it. */
    private static final class Client {

        private final String username;
        private final String password;
        private final String nonce = "fyko+d2lbbFgONRv9qkxdawL";
        private String authMessage = "";
        private byte[] saltedPassword = new byte[0];

        Client(String username, String password) {
            this.username = username;
            this.password = password;
        }

        byte[] first() {
            return ("n,," + bare()).getBytes(StandardCharsets.UTF_8);
        }

        private String bare() {
            return "n=" + username + ",r=" + nonce;
        }

        byte[] last(String serverFirst) throws Exception {
            Map<String, String> attributes = new HashMap<>();
            for (String attribute : serverFirst.split(",")) {
                attributes.put(attribute.substring(0, 1), attribute.substring(2));
            }
            saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    password.toCharArray(), Base64.getDecoder().decode(attributes.get("s")),
                    Integer.parseInt(attributes.get("i")), 256)).getEncoded();
            String withoutProof = "c=biws,r=" + attributes.get("r");
            authMessage = bare() + "," + serverFirst + "," + withoutProof;
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        }

        String expectedServerFinal() throws Exception {
            return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
        }

        private static byte[] hmac(byte[] key, String text) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
