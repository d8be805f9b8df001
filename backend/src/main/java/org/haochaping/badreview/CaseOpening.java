package org.haochaping.badreview;

import java.util.Set;

import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.rating.CountedRatingsFollower;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Opens the case of every 差评, exactly once: at once when the rating is submitted, and again
 * through the counting batches that count each stored rating ({@link CountedRatingsFollower}), so
 * a crash between storing a rating and opening its case cannot lose the case. The case's id is the
 * rating's, so opening twice finds it open and does nothing.
 */
@Component
class CaseOpening implements CountedRatingsFollower {

    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

    private final MongoTemplate mongo;
    private final CampaignCatalog campaigns;
    private final CaseRouting routing;
    private final HolidayCalendar calendar;
    private final CaseProjections projections;
    private final ApplicationEventPublisher events;

    CaseOpening(MongoTemplate mongo, CampaignCatalog campaigns, CaseRouting routing, HolidayCalendar calendar,
            CaseProjections projections, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.routing = routing;
        this.calendar = calendar;
        this.projections = projections;
        this.events = events;
    }

    /** At once; if it fails, the counting batch opens it within a second or two. */
    @EventListener
    void onSubmitted(RatingSubmitted submitted) {
        try {
            open(submitted.rating());
        } catch (RuntimeException failed) {
            log.warn("Case of rating {} not opened yet, the counting batch will: {}", submitted.rating().id(),
                    failed.toString());
        }
    }

    @Override
    public void counted(Set<String> ratingIds) {
        Query bad = Query.query(Criteria.where("_id").in(ratingIds));
        for (Rating rating : mongo.find(bad, Rating.class)) {
            open(rating);
        }
    }

    /** Opens the rating's case unless it is no 差评 or its case exists; returns whether this call opened it. */
    boolean open(Rating rating) {
        if (!rating.isBad() || rating.invalidated() || mongo.exists(Query.query(Criteria.where("_id").is(rating.id())),
                BadReviewCase.class)) {
            return false;
        }
        String lead = campaigns.getForRating(rating.campaignCode()).getLeadDepartment().code();
        RoutingRule rule = routing.ruleFor(rating.campaignCode());
        BadReviewCase opened = BadReviewCase.open(rating, rule.unitFor(rating, lead), lead,
                CaseTerms.of(calendar.workingDays(), rule.deadlines()));
        try {
            opened = mongo.insert(opened);
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        } catch (RuntimeException unknown) {
            // The store may have taken the case before failing: the next attempt would find it and
            // return above without projecting it, so the projection retry looks for it.
            projections.later(opened.getId());
            throw unknown;
        }
        projections.project(opened);
        events.publishEvent(new CaseChanged(opened, CaseEvent.Type.OPENED));
        return true;
    }
}
