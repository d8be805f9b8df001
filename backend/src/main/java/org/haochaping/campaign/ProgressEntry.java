package org.haochaping.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An official's report of where an outcome goal stands (e.g. 6,200 of 9,400 households), as of a
 * day. Entries are kept as history, never edited; the latest by date is the current figure.
 *
 * @param recordedBy the official's subject, for the record (audited as well)
 */
@Document("goal_progress")
@CompoundIndex(name = "campaign_goal_day", def = "{'campaignCode': 1, 'goalCode': 1, 'asOf': -1}")
public record ProgressEntry(@Id @Nullable String id, String campaignCode, String goalCode, BigDecimal value,
        LocalDate asOf, @Nullable String note, String recordedBy, Instant recordedAt) {
}
