package org.haochaping.identity.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.jackson.SecurityJacksonModules;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attributes and token metadata as JSON, with Spring Security's own Jackson modules (the same
 * allow-list of types Spring Authorization Server's JDBC store uses), so nothing but known
 * security types is ever read back.
 */
final class AuthorizationJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader()))
            .build();

    String write(Map<String, Object> values) {
        return json.writeValueAsString(plain(values));
    }

    Map<String, Object> read(String text) {
        return json.readValue(text, MAP);
    }

    /**
     * Token claims hold immutable JDK collections ({@code List.of}), which the allow-list rightly
     * refuses to read back: they are written as their plain, allowed counterparts.
     */
    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(key, plain(item)));
                yield copy;
            }
            case Set<?> set -> set.stream().map(AuthorizationJson::plain).collect(Collectors.toCollection(HashSet::new));
            case Collection<?> list -> list.stream().map(AuthorizationJson::plain).collect(Collectors.toCollection(ArrayList::new));
            case null, default -> value;
        };
    }
}
