package org.haochaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.haochaping.client.ApiClient;
import org.haochaping.client.api.CampaignsApi;
import org.haochaping.client.api.MediaApi;
import org.haochaping.client.api.RatingsApi;
import org.haochaping.client.api.SubjectsApi;
import org.haochaping.client.model.Campaign;
import org.haochaping.client.model.Media;
import org.haochaping.client.model.Rating;
import org.haochaping.client.model.RatingPage;
import org.haochaping.client.model.RatingSubmission;
import org.haochaping.client.model.Subject;
import org.haochaping.identity.local.PkceLogin;
import org.haochaping.media.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's journey through the Java client generated from api-spec, as the Android app uses
 * the API: sign in by PKCE, browse, upload a photo, rate, retry after a lost answer, list own ratings.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ResidentJourneyTests {

    static final Path DATA = Path.of("target", "test-data", "journey-" + UUID.randomUUID());

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("haochaping.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void a_resident_signs_in_browses_uploads_rates_retries_and_finds_the_rating() throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> tokens = new PkceLogin(base).signIn("resident7", LocalServer.password(DATA, "resident7"), PkceLogin.Pkce.create());
        assertThat(tokens.statusCode()).isEqualTo(200);
        String accessToken = JsonMapper.builder().build().readTree(tokens.body()).get("access_token").asString();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonMapper.builder().build().readTree(payload).get("azp").asString())
                .as("the token names the app's client, by which the server decides the rating's channel").isEqualTo("haochaping-mobile");
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken)
                .header("Accept-Language", "zh-CN"));

        List<Campaign> campaigns = new CampaignsApi(client).listCampaigns(null, null).getItems();
        assertThat(campaigns).hasSize(10);
        Campaign propertyManagement = campaigns.stream().filter(c -> c.getCode().equals("property-management")).findFirst().orElseThrow();
        assertThat(propertyManagement.getRatingForm().getBadReasons()).extracting(reason -> reason.getCode())
                .containsExactly("dirty", "slow-repairs", "opaque-fees", "poor-security", "rude", "parking-chaos");
        Subject nearest = new SubjectsApi(client).listSubjects("property-management", null, null, 36.5350, 113.0500, null, null, 5)
                .getItems().getFirst();
        assertThat(nearest.getId()).isEqualTo("pm-001");
        assertThat(nearest.getDistanceMeters()).as("康馨苑 at 36.5295,113.04744, by haversine").isEqualTo(653);

        Path photo = Files.createTempFile("lift", ".jpg");
        Files.write(photo, TestImages.jpegWithGpsExif());
        Media uploaded = new MediaApi(client).uploadMedia("journey-photo-" + java.util.UUID.randomUUID(), photo.toFile());
        assertThat(uploaded.getContentType()).isEqualTo(Media.ContentTypeEnum.IMAGE_JPEG);

        RatingSubmission submission = new RatingSubmission()
                .campaignCode("property-management")
                .formVersion(propertyManagement.getRatingForm().getVersion())
                .subjectId(nearest.getId())
                .regionCode(nearest.getRegionCode())
                .level(2)
                .reasonTags(java.util.Set.of(propertyManagement.getRatingForm().getBadReasons().getFirst().getCode()))
                .indicatorScores(Map.of("overall", 2))
                .comment("电梯坏了两周，物业一直没有修。")
                .photoIds(java.util.Set.of(uploaded.getId()));
        String key = "app-" + UUID.randomUUID();
        RatingsApi ratings = new RatingsApi(client);
        Rating rated = ratings.submitRating(key, submission, "device-7f3a", "1.4.2");
        Rating retried = ratings.submitRating(key, submission, "device-7f3a", "1.4.2");

        assertThat(rated.getStatus()).isEqualTo(org.haochaping.client.model.ReviewStatus.AWAITING_CONTACT);
        assertThat(retried.getId()).isEqualTo(rated.getId());
        assertThat(retried.getSubmittedAt()).isEqualTo(rated.getSubmittedAt());

        RatingPage mine = ratings.listMyRatings(null, 20);
        assertThat(mine.getItems()).extracting(Rating::getId).containsExactly(rated.getId());
        assertThat(mine.getItems().getFirst().getPhotoIds()).containsExactly(uploaded.getId());
        byte[] downloaded = Files.readAllBytes(new MediaApi(client).getMedia(uploaded.getId()).toPath());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(downloaded));
        assertThat(image.getWidth()).isEqualTo(16);
        assertThat(image.getHeight()).isEqualTo(12);
        assertThat(TestImages.containsAscii(downloaded, "Exif")).isFalse();
        assertThat(TestImages.containsAscii(downloaded, "GPS")).isFalse();
    }

}
