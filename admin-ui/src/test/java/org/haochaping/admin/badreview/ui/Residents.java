package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents as the app drives the running system: signed in by PKCE ({@code backend/scripts/pkce-login.sh}),
 * uploading a photo and rating through the REST API, as a phone would.
 */
final class Residents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new HashMap<>();

    private final String base;
    private final Path data;
    private final HttpClient http = HttpClient.newHttpClient();

    Residents(String base, Path data) {
        this.base = base;
        this.data = data;
    }

    String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, key -> {
            try {
                Process script = new ProcessBuilder("bash", Path.of("..", "backend", "scripts", "pkce-login.sh").toString(),
                        username, base, data.toString()).start();
                String token = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                String errors = new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(script.waitFor()).as(errors).isZero();
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Uploads a small PNG photo as the resident; returns its id. */
    String uploadPhoto(String username, Color colour) throws Exception {
        String boundary = "----haochaping" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(png(colour));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/media"))
                .header("Authorization", "Bearer " + token(username))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", "loop-photo-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** Submits a rating of a property-management subject; returns the rating's id (also its case's). */
    String rate(String username, String subjectId, int level, List<String> reasons, String comment, List<String> photoIds)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("campaignCode", "property-management", "formVersion", 1,
                "subjectId", subjectId, "regionCode", regionOf(subjectId), "level", level, "reasonTags", reasons,
                "comment", comment, "photoIds", photoIds));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ratings"))
                .header("Authorization", "Bearer " + token(username))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "loop-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** Re-rates the fix of the resident's 差评 through the API, as the app does. */
    void rerate(String username, String ratingId, String verdict) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/ratings/" + ratingId + "/rerating"))
                .header("Authorization", "Bearer " + token(username))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "rerate-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("verdict", verdict)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A PNG file for uploads through the console. */
    static Path pngFile(Color colour) throws IOException {
        Path file = Files.createTempFile("evidence", ".png");
        Files.write(file, png(colour));
        return file;
    }

    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, 320, 240);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(100, 60, 120, 120);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The seed's region of a subject. */
    static String regionOf(String subjectId) {
        return subjects().get(subjectId);
    }

    /** Property-management compounds in 古韩镇 (140423100), which its town handles. */
    static List<String> guhanCompounds() {
        return subjects().entrySet().stream().filter(entry -> entry.getKey().startsWith("pm-")
                && entry.getValue().startsWith("140423100")).map(Map.Entry::getKey).sorted().toList();
    }

    private static Map<String, String> subjects() {
        try (InputStream in = Residents.class.getResourceAsStream("/seed/subjects.json")) {
            JsonNode all = JSON.readTree(in);
            Map<String, String> regions = new HashMap<>();
            StreamSupport.stream(all.spliterator(), false)
                    .forEach(subject -> regions.put(subject.get("id").asString(), subject.get("regionCode").asString()));
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
