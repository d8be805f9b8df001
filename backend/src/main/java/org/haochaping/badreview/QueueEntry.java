package org.haochaping.badreview;

import java.time.Instant;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A case as the queue knows it: enough to filter, sort and count without reading the case.
 *
 * @param dueAt the unit's current deadline; null while the resident has the next step
 * @param level the rating's level (1 or 2), 0 in entries written before the queue carried it
 * @param subjectId the rated subject (评价对象), null for a campaign-wide rating
 */
public record QueueEntry(String caseId, long version, String campaignCode, @Nullable String townCode, Unit unit,
        CaseStatus status, @Nullable Instant dueAt, boolean overdue, Escalation escalation, boolean supervised,
        boolean appealPending, Instant openedAt, @Nullable Instant rerateBy, int level, @Nullable String subjectId) {

    static QueueEntry of(BadReviewCase c) {
        return new QueueEntry(c.getId(), c.getVersion(), c.getCampaignCode(), c.getTownCode(), c.getUnit(),
                c.getStatus(), c.getDueAt(), c.isOverdue(), c.getEscalation(), c.isSupervised(),
                c.getAppeal() != null && c.getAppeal().isPending(), c.getOpenedAt(), c.getRerateBy(),
                c.getRatingLevel(), c.getSubjectId());
    }

    Document toDocument() {
        Document entry = new Document("open", true).append("c", campaignCode).append("u", unit.key())
                .append("s", status.name()).append("o", overdue).append("e", escalation.name())
                .append("sv", supervised).append("ap", appealPending).append("at", java.util.Date.from(openedAt))
                .append("l", level);
        if (subjectId != null) {
            entry.append("sj", subjectId);
        }
        if (townCode != null) {
            entry.append("t", townCode);
        }
        if (dueAt != null) {
            entry.append("d", java.util.Date.from(dueAt));
        }
        if (rerateBy != null) {
            entry.append("r", java.util.Date.from(rerateBy));
        }
        return entry;
    }

    static @Nullable QueueEntry fromDocument(String caseId, Document entry) {
        if (!entry.getBoolean("open", false)) {
            return null;
        }
        java.util.Date due = entry.getDate("d");
        java.util.Date rerateBy = entry.getDate("r");
        return new QueueEntry(caseId, entry.get("v", Number.class).longValue(), entry.getString("c"),
                entry.getString("t"), Unit.ofKey(entry.getString("u")), CaseStatus.valueOf(entry.getString("s")),
                due == null ? null : due.toInstant(), entry.getBoolean("o", false),
                Escalation.valueOf(entry.getString("e")), entry.getBoolean("sv", false),
                entry.getBoolean("ap", false), entry.getDate("at").toInstant(),
                rerateBy == null ? null : rerateBy.toInstant(), entry.getInteger("l", 0), entry.getString("sj"));
    }
}
