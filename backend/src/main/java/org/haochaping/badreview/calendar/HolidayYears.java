package org.haochaping.badreview.calendar;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored arrangements, one document per year keyed by the year. A save replaces a year only if
 * it is still at the version the editor read: a conditional update (or, for a year nothing is stored
 * for, an insert that the unique {@code _id} refuses the second time), so two supervisors saving at
 * once cannot both win, on any number of instances.
 */
@Component
class HolidayYears {

    static final String COLLECTION = "holiday_calendar";

    private final MongoTemplate mongo;

    HolidayYears(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<YearArrangement> all() {
        return mongo.findAll(StoredYear.class, COLLECTION).stream().map(StoredYear::arrangement).toList();
    }

    Optional<YearArrangement> find(int year) {
        return Optional.ofNullable(mongo.findById(year, StoredYear.class, COLLECTION)).map(StoredYear::arrangement);
    }

    /**
     * Stores {@code arrangement} as the year's next version if the year is still at
     * {@code arrangement.version()}; empty when someone saved it since (nothing is changed then).
     */
    Optional<YearArrangement> replace(YearArrangement arrangement, String enteredBy, Instant enteredAt) {
        long expected = arrangement.version();
        if (expected == 0) {
            return insert(StoredYear.of(arrangement.atVersion(1), enteredBy, enteredAt));
        }
        Query stillAtExpected = Query.query(where("_id").is(arrangement.year()).and("version").is(expected));
        Update next = new Update()
                .set("holidays", StoredYear.days(arrangement.holidays()))
                .set("makeUpWorkingDays", StoredYear.days(arrangement.makeUpWorkingDays()))
                .set("source", arrangement.source())
                .set("enteredBy", enteredBy)
                .set("enteredAt", enteredAt)
                .inc("version", 1);
        StoredYear saved = mongo.findAndModify(stillAtExpected, next, FindAndModifyOptions.options().returnNew(true),
                StoredYear.class, COLLECTION);
        return Optional.ofNullable(saved).map(StoredYear::arrangement);
    }

    /** Inserts a year nothing is stored for; empty when something is (another editor, or another instance's seed). */
    Optional<YearArrangement> insert(StoredYear year) {
        try {
            return Optional.of(mongo.insert(year, COLLECTION).arrangement());
        } catch (DuplicateKeyException alreadyThere) {
            return Optional.empty();
        }
    }

    /**
     * A year as stored. Days are ISO strings ({@code "2026-02-16"}), not BSON dates: a BSON date is
     * an instant, and which day it names would depend on the zone of whoever converts it.
     *
     * @param enteredBy who saved this version (the official's subject, or {@code seed})
     */
    @Document(COLLECTION)
    record StoredYear(@Id int year, List<String> holidays, List<String> makeUpWorkingDays, @Nullable String source,
            long version, String enteredBy, Instant enteredAt) {

        static StoredYear of(YearArrangement arrangement, String enteredBy, Instant enteredAt) {
            return new StoredYear(arrangement.year(), days(arrangement.holidays()), days(arrangement.makeUpWorkingDays()),
                    arrangement.source(), arrangement.version(), enteredBy, enteredAt);
        }

        YearArrangement arrangement() {
            return new YearArrangement(year, holidays.stream().map(LocalDate::parse).toList(),
                    makeUpWorkingDays.stream().map(LocalDate::parse).toList(), source, version);
        }

        static List<String> days(List<LocalDate> days) {
            return days.stream().map(LocalDate::toString).toList();
        }
    }
}
