package org.haochaping.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images for tests, made in code: with metadata to strip, disguised, broken or oversized. */
public final class TestImages {

    /** An 8×6 WebP made with cwebp (84 bytes). */
    private static final String WEBP = "UklGRkwAAABXRUJQVlA4IEAAAADQAQCdASoIAAYAAgA0JbACdAD0MYq6AAD+99g5V8WLt6FJ/vc28amSh4Au5v941/+XKK4f+jJ59G3+P/6dLYAA";

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] webp() {
        return Base64.getDecoder().decode(WEBP);
    }

    /** A JPEG carrying an Exif APP1 segment with a GPS position, as phone cameras write it. */
    public static byte[] jpegWithGpsExif() {
        byte[] jpeg = jpeg(16, 12);
        byte[] exif = exifSegment();
        byte[] result = new byte[jpeg.length + exif.length];
        System.arraycopy(jpeg, 0, result, 0, 2);
        System.arraycopy(exif, 0, result, 2, exif.length);
        System.arraycopy(jpeg, 2, result, 2 + exif.length, jpeg.length - 2);
        return result;
    }

    /** A PNG with a text chunk holding a location, which must not survive. */
    public static byte[] pngWithTextChunk() {
        byte[] png = png(10, 10);
        byte[] chunk = chunk("tEXt", "Location\u000036.5350N 113.0510E".getBytes(StandardCharsets.ISO_8859_1));
        byte[] result = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, result, 0, 33);
        System.arraycopy(chunk, 0, result, 33, chunk.length);
        System.arraycopy(png, 33, result, 33 + chunk.length, png.length - 33);
        return result;
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb. */
    public static byte[] pngClaimingHugeDimensions() {
        return pngClaiming(100_000, 100_000);
    }

    /** A tiny PNG whose header claims {@code width} × {@code height} pixels. */
    public static byte[] pngClaiming(int width, int height) {
        return pngClaiming(width, height, 8);
    }

    /** A tiny RGBA PNG whose header claims {@code width} × {@code height} pixels of {@code bitDepth} bits a channel. */
    public static byte[] pngClaiming(int width, int height, int bitDepth) {
        byte[] png = png(1, 1);
        ByteBuffer.wrap(png, 16, 9).putInt(width).putInt(height).put((byte) bitDepth);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** A text file named and declared as a photo. */
    public static byte[] textDisguisedAsJpeg() {
        return "<?php system($_GET['c']); ?> this is not a photo".getBytes(StandardCharsets.UTF_8);
    }

    /** The PNG signature followed by garbage. */
    public static byte[] brokenPng() {
        byte[] bytes = new byte[200];
        System.arraycopy(png(2, 2), 0, bytes, 0, 8);
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    public static boolean containsAscii(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, 0xFF000000 | (x * 13 % 256) << 16 | (y * 29 % 256) << 8 | 90);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] exifSegment() {
        byte[] tiff = ("II*\u0000\u0008\u0000\u0000\u0000" + "GPSLatitude=36.5350N;GPSLongitude=113.0510E;Make=PhoneCam")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] header = "Exif\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiff.length;
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff);
        return segment.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }
}
