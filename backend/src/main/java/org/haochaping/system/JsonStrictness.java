package org.haochaping.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a field the contract does not know, a field given twice, or a
 * value of the wrong type (a number for a text, 1.5 for a level, "5" for a number) is a 400
 * problem, not something silently dropped, overwritten or converted.
 * <p>
 * Null is absent: clients generated from the contract send {@code "reasonTags": null} for an unset
 * optional field, so a null list or map reads as an empty one (a null text or number stays null,
 * i.e. absent). A null inside a list or map ({@code [null]}, {@code {"x": null}}) means nothing and
 * is a 400 problem naming the element, and so is an element repeated in an array the contract
 * declares {@code uniqueItems} ({@link UniqueSetElements}). A {@code date} with a time of day is a
 * 400 problem too, not the day it starts with.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

    private static final JsonSetter.Value NULL_IS_EMPTY_NULL_ELEMENT_FAILS =
            JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.FAIL);

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .withConfigOverride(Collection.class, containers -> containers.setNullHandling(NULL_IS_EMPTY_NULL_ELEMENT_FAILS))
                .withConfigOverride(List.class, lists -> lists.setNullHandling(NULL_IS_EMPTY_NULL_ELEMENT_FAILS))
                .withConfigOverride(Set.class, sets -> sets.setNullHandling(NULL_IS_EMPTY_NULL_ELEMENT_FAILS))
                .withConfigOverride(Map.class, maps -> maps.setNullHandling(NULL_IS_EMPTY_NULL_ELEMENT_FAILS))
                // A date is a date: "2026-02-16T00:00:00" is not silently cut to its day.
                .withConfigOverride(LocalDate.class, dates -> dates.setFormat(JsonFormat.Value.forLeniency(false)))
                .addModule(new SimpleModule("unique-set-elements").setDeserializerModifier(new UniqueSetElements()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integers -> integers
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, numbers -> numbers
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, booleans -> booleans
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, enums -> enums
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("text-date-times").setDeserializerModifier(new TextDateTimes()));
    }
}
