package org.haochaping.badreview;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the queue and the figures up to a case after each write of it. A projection that fails is
 * retried from the stored case every second until it succeeds; after a crash,
 * {@link CaseProjectionRepair} compares every case with the books at start.
 */
@Component
class CaseProjections {

    private static final Logger log = LoggerFactory.getLogger(CaseProjections.class);

    private final CaseFigureBook figures;
    private final CaseQueueBook queue;
    private final BadReviewCases cases;
    private final Clock clock;
    private final Set<String> lagging = ConcurrentHashMap.newKeySet();

    CaseProjections(CaseFigureBook figures, CaseQueueBook queue, BadReviewCases cases, Clock clock) {
        this.figures = figures;
        this.queue = queue;
        this.cases = cases;
        this.clock = clock;
    }

    /** Never throws: the case is stored, and the books catch up. */
    void project(BadReviewCase c) {
        try {
            figures.record(c);
            queue.record(c, clock.instant());
        } catch (RuntimeException failed) {
            lagging.add(c.getId());
            log.warn("Queue or figures behind case {}; retrying: {}", c.getId(), failed.toString());
        }
    }

    /**
     * A case whose write may or may not have been stored (the store failed to answer): projected
     * from the store by the retry if it is there.
     */
    void later(String caseId) {
        lagging.add(caseId);
    }

    /**
     * Each lagging case is taken off the list before its stored state is read: a write failing to
     * project meanwhile puts it back, so no later version can be dropped by this retry.
     */
    @Scheduled(fixedDelayString = "${haochaping.badreview.projection-retry:1s}")
    void retryLagging() {
        for (String id : Set.copyOf(lagging)) {
            lagging.remove(id);
            try {
                projectStored(id);
            } catch (RuntimeException stillFailing) {
                lagging.add(id);
                log.debug("Case {} still behind: {}", id, stillFailing.toString());
                return;
            }
        }
    }

    /** Projects the case as stored now, if it exists; throws what the store throws. */
    void projectStored(String caseId) {
        cases.findById(caseId).ifPresent(c -> {
            figures.record(c);
            queue.record(c, clock.instant());
        });
    }

    @Scheduled(fixedDelayString = "${haochaping.badreview.tombstone-prune:10m}")
    void pruneTombstones() {
        queue.prune(clock.instant());
    }

    boolean isCaughtUp() {
        return lagging.isEmpty();
    }
}
