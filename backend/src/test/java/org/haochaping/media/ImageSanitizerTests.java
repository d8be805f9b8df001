package org.haochaping.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ImageSanitizerTests {

    final ImageSanitizer sanitizer = new ImageSanitizer();

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
}
