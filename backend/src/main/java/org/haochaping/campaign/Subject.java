package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something residents rate within a campaign (评价对象): a compound, a construction site, a service
 * item. Its id is its {@code _id}, stable across installs.
 *
 * @param operator who runs it, e.g. the compound's property company
 */
@Document("subjects")
@CompoundIndex(name = "campaign_id", def = "{'campaignCode': 1, '_id': 1}")
public record Subject(@Id String id, String campaignCode, SubjectKind kind, LocalizedText name, String regionCode,
        @Nullable String operator, @Nullable GeoPoint location) {
}
