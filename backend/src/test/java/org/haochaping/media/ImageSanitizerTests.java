package org.haochaping.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import org.haochaping.system.problem.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ImageSanitizerTests {

    final ImageSanitizer sanitizer = new ImageSanitizer(DecodeSlots.perCore());

    @Test
    void exif_and_gps_are_gone_from_a_cleaned_jpeg() throws Exception {
        byte[] upload = TestImages.jpegWithGpsExif();
        assertThat(TestImages.containsAscii(upload, "GPSLatitude")).isTrue();

        ImageSanitizer.Clean clean = sanitizer.sanitize(upload);

        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.containsAscii(clean.bytes(), "Exif")).isFalse();
        assertThat(TestImages.containsAscii(clean.bytes(), "GPS")).isFalse();
        assertThat(TestImages.containsAscii(clean.bytes(), "\u00FF\u00E1")).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(16);
        assertThat(clean.height()).isEqualTo(12);
    }

    @Test
    void text_chunks_are_gone_from_a_cleaned_png() {
        ImageSanitizer.Clean clean = sanitizer.sanitize(TestImages.pngWithTextChunk());

        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(TestImages.containsAscii(clean.bytes(), "Location")).isFalse();
        assertThat(TestImages.containsAscii(clean.bytes(), "tEXt")).isFalse();
    }

    @Test
    void webp_is_read_and_stored_as_jpeg() {
        ImageSanitizer.Clean clean = sanitizer.sanitize(TestImages.webp());

        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(clean.width()).isEqualTo(8);
        assertThat(clean.height()).isEqualTo(6);
    }

    @Test
    void the_type_comes_from_the_bytes_so_a_disguised_file_is_refused() {
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.textDisguisedAsJpeg()))
                .isInstanceOfSatisfying(ImageRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("UNSUPPORTED_IMAGE_TYPE");
                    assertThat(rejected.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                });
    }

    @Test
    void a_broken_image_is_refused() {
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.brokenPng()))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("UNREADABLE_IMAGE"));
    }

    @Test
    void a_decompression_bomb_is_refused_before_decoding() {
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.pngClaimingHugeDimensions()))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("IMAGE_DIMENSIONS_TOO_LARGE"));
    }

    @Test
    void detection_knows_the_three_formats_by_their_signatures() {
        assertThat(ImageType.detect(TestImages.jpeg(2, 2))).contains(ImageType.JPEG);
        assertThat(ImageType.detect(TestImages.png(2, 2))).contains(ImageType.PNG);
        assertThat(ImageType.detect(TestImages.webp())).contains(ImageType.WEBP);
        assertThat(ImageType.detect(new byte[] {1, 2})).isEmpty();
    }

    @Test
    void an_image_whose_decoded_pixels_exceed_the_memory_cap_is_refused_from_its_header() {
        // 5,000 × 5,100 = 25.5 MP: at 4 bytes a pixel 97 MB, just over the 96 MB cap.
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.pngClaiming(5_000, 5_100)))
                .isInstanceOfSatisfying(ImageRejectedException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(rejected.code()).isEqualTo("IMAGE_DIMENSIONS_TOO_LARGE");
                });
    }

    @Test
    void the_cap_counts_bytes_per_pixel_not_only_pixels() throws Exception {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(TestImages.pngClaiming(4_000, 3_000)))) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);

            assertThat(ImageSanitizer.decodedBytes(reader)).isEqualTo(4_000L * 3_000 * 4);
        }
    }

    @Test
    void sixteen_bits_a_channel_count_eight_bytes_a_pixel() throws Exception {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(TestImages.pngClaiming(1_000, 1_000, 16)))) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);

            assertThat(ImageSanitizer.decodedBytes(reader)).isEqualTo(8_000_000L);
        }
    }

    @Test
    void a_photo_of_fewer_pixels_but_sixteen_bits_a_channel_can_exceed_the_memory_cap() {
        // 4,000 × 3,200 = 12.8 MP: 51 MB at 4 bytes a pixel, but 102 MB at 8
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.pngClaiming(4_000, 3_200, 16)))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("IMAGE_DIMENSIONS_TOO_LARGE"));
    }

    @Test
    void an_image_of_exactly_the_memory_cap_is_let_through_to_the_decoder() {
        // 4,096 × 6,144 × 4 bytes = 96 MB exactly: allowed, so the decoder runs and finds the pixel data missing
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.pngClaiming(4_096, 6_144)))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("UNREADABLE_IMAGE"));
    }

    @Test
    void a_decode_that_finds_no_free_slot_in_time_is_told_to_retry_later() throws Exception {
        DecodeSlots oneSlot = new DecodeSlots(1, Duration.ofMillis(50));
        ImageSanitizer busy = new ImageSanitizer(oneSlot);
        CountDownLatch occupied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> oneSlot.run(() -> {
            occupied.countDown();
            awaitQuietly(release);
            return null;
        }));
        occupied.await();
        try {
            assertThatThrownBy(() -> busy.sanitize(TestImages.png(4, 4)))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("IMAGE_DECODER_BUSY");
                        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(refused.retryAfter()).isPresent();
                    });
        } finally {
            release.countDown();
            other.join();
        }

        assertThat(busy.sanitize(TestImages.png(4, 4)).width()).isEqualTo(4);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
