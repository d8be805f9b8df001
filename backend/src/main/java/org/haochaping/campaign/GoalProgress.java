package org.haochaping.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.system.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Progress of outcome goals, recorded by MANAGERs of the lead department and SUPERVISORs (the same
 * people who may change the campaign), kept as history and audited.
 */
@Service
public class GoalProgress {

    private final ProgressEntries entries;
    private final CampaignCatalog catalog;
    private final CampaignStewardship stewardship;
    private final AccessGuard guard;
    private final Clock clock;

    GoalProgress(ProgressEntries entries, CampaignCatalog catalog, CampaignStewardship stewardship, AccessGuard guard,
            Clock clock) {
        this.entries = entries;
        this.catalog = catalog;
        this.stewardship = stewardship;
        this.guard = guard;
        this.clock = clock;
    }

    public ProgressEntry record(Actor actor, String campaignCode, String goalCode, BigDecimal value, LocalDate asOf,
            @Nullable String note) {
        Campaign campaign = catalog.get(campaignCode);
        guard.require(stewardship.canChange(actor, campaign), actor, "RECORD_PROGRESS", "campaign:" + campaignCode);
        Goal goal = campaign.goal(goalCode);
        if (goal.type() != GoalType.OUTCOME) {
            throw new ProgressRejectedException("NOT_AN_OUTCOME_GOAL", goalCode);
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new ProgressRejectedException("INVALID_PROGRESS", goalCode);
        }
        ProgressBounds.violation(value, goal).ifPresent(code -> {
            throw new ProgressRejectedException(code, goalCode, ProgressBounds.ceiling(goal).toPlainString());
        });
        ProgressEntry entry = entries.insert(new ProgressEntry(null, campaignCode, goalCode, value, asOf,
                note == null || note.isBlank() ? null : note.strip(), actor.subject(), clock.instant()));
        guard.recordChange(actor, "PROGRESS_RECORDED", "campaign:" + campaignCode + "/goal:" + goalCode);
        return entry;
    }

    /** As {@link #record(Actor, String, String, BigDecimal, LocalDate, String)}, for figures read as floating point. */
    public ProgressEntry record(Actor actor, String campaignCode, String goalCode, double value, LocalDate asOf,
            @Nullable String note) {
        BigDecimal figure = ProgressBounds.finite(value)
                .orElseThrow(() -> new ProgressRejectedException("PROGRESS_NOT_FINITE", goalCode));
        return record(actor, campaignCode, goalCode, figure, asOf, note);
    }

    /** Every entry of a campaign, newest first. */
    public List<ProgressEntry> history(String campaignCode) {
        return entries.findByCampaignCodeOrderByAsOfDescRecordedAtDesc(campaignCode);
    }

    /** The current figure of each outcome goal that has one. */
    public Map<String, ProgressEntry> latest(String campaignCode) {
        Map<String, ProgressEntry> latest = new LinkedHashMap<>();
        history(campaignCode).forEach(entry -> latest.putIfAbsent(entry.goalCode(), entry));
        return latest;
    }

    /** A progress report the goal cannot take. */
    public static class ProgressRejectedException extends ProblemException {
        ProgressRejectedException(String code, String goal, Object... more) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, code, arguments(goal, more));
        }

        private static Object[] arguments(String goal, Object... more) {
            Object[] arguments = new Object[more.length + 1];
            arguments[0] = goal;
            System.arraycopy(more, 0, arguments, 1, more.length);
            return arguments;
        }
    }
}
