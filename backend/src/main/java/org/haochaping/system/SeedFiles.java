package org.haochaping.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.Resource;

import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON files the demo and reference data ship in. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static <T> T read(JsonMapper json, Resource file, Class<T> type) {
        try (InputStream in = file.getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
        }
    }
}
