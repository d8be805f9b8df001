package org.haochaping.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.http.HttpStatus;

/**
 * Turns an uploaded photo into a clean one: the format is detected from the bytes, the memory the
 * decoded pixels would take is checked from the header before decoding (no decompression bombs),
 * decodes run in a bounded number of slots, and the pixels are re-encoded into a new file, so
 * EXIF, GPS and any other metadata or trailing payload are gone. WebP comes out as JPEG.
 */
final class ImageSanitizer {

    /**
     * 96 MB of decoded pixels: a 24-megapixel photo at 4 bytes a pixel, more than phones send
     * (they bin large sensors down to 12-16 MP), and with one decode per core, a bounded heap.
     */
    static final long MAX_DECODED_BYTES = 96L * 1024 * 1024;
    /** Re-encoding works on packed 32-bit pixels, so no pixel costs less than this, whatever the file says. */
    private static final int MIN_BYTES_PER_PIXEL = 4;

    record Clean(byte[] bytes, String contentType, int width, int height) {
    }

    private final DecodeSlots slots;

    ImageSanitizer(DecodeSlots slots) {
        this.slots = slots;
    }

    Clean sanitize(byte[] upload) {
        ImageType type = ImageType.detect(upload)
                .orElseThrow(() -> new ImageRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_IMAGE_TYPE"));
        return slots.run(() -> clean(type, decode(upload)));
    }

    private static Clean clean(ImageType type, BufferedImage image) {
        return type == ImageType.PNG
                ? new Clean(encodePng(image), "image/png", image.getWidth(), image.getHeight())
                : new Clean(encodeJpeg(withoutAlpha(image)), "image/jpeg", image.getWidth(), image.getHeight());
    }

    /** What the decoded image would take, from the header alone: width × height × bytes per pixel. */
    static long decodedBytes(ImageReader reader) throws IOException {
        int bitsPerPixel = reader.getRawImageType(0) == null ? 0 : reader.getRawImageType(0).getColorModel().getPixelSize();
        int bytesPerPixel = Math.max(MIN_BYTES_PER_PIXEL, (bitsPerPixel + 7) / 8);
        return (long) reader.getWidth(0) * reader.getHeight(0) * bytesPerPixel;
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long decodedBytes = decodedBytes(reader);
                if (decodedBytes <= 0 || decodedBytes > MAX_DECODED_BYTES) {
                    throw new ImageRejectedException(HttpStatus.CONTENT_TOO_LARGE, "IMAGE_DIMENSIONS_TOO_LARGE");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            throw unreadable();
        }
    }

    private static ImageRejectedException unreadable() {
        return new ImageRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "UNREADABLE_IMAGE");
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return rgb;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
