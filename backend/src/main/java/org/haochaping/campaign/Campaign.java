package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.Assert;

/**
 * A campaign (攻坚行动) of the county's work report that residents rate, with its goals.
 * Its code is its {@code _id}: stable, human-readable, and every lookup goes by it.
 */
@Document("campaigns")
@CompoundIndex(name = "lead_department_rank", def = "{'leadDepartment.code': 1, 'rank': 1}")
@CompoundIndex(name = "status_rank", def = "{'status': 1, 'rank': 1}")
public class Campaign {

    @Id
    private final String code;
    /** Position in the work report; lists keep the report's order. */
    private final int rank;
    private final LocalizedText name;
    private final LocalizedText description;
    private final Department leadDepartment;
    private final Period period;
    private CampaignStatus status;
    private final List<Goal> goals;
    /** Null on campaigns stored before rating forms existed; they rate with {@link RatingForm#general()}. */
    private final @Nullable RatingForm ratingForm;

    /**
     * The revision of the rating form residents fill in: a rating names the revision it was filled against,
     * and one filled against an older revision is refused with the current form ({@code FORM_CHANGED}).
     * Campaigns stored before forms were versioned read as revision 1.
     */
    private int formVersion = 1;

    @Version
    private @Nullable Long version;
    @CreatedDate
    private @Nullable Instant createdAt;
    @LastModifiedDate
    private @Nullable Instant updatedAt;

    @PersistenceCreator
    Campaign(String code, int rank, LocalizedText name, LocalizedText description, Department leadDepartment,
            Period period, CampaignStatus status, List<Goal> goals, @Nullable RatingForm ratingForm) {
        Assert.isTrue(code != null && code.matches("[a-z0-9][a-z0-9-]{1,63}"),
                () -> "A campaign code is 2-64 lower-case letters, digits and '-': " + code);
        Assert.notNull(name, "A campaign needs a name");
        Assert.notNull(description, "A campaign needs a description");
        Assert.notNull(leadDepartment, "A campaign needs a lead department");
        Assert.notNull(period, "A campaign needs a period");
        Assert.notNull(status, "A campaign needs a status");
        requireDistinctCodes(goals);
        this.code = code;
        this.rank = rank;
        this.name = name;
        this.description = description;
        this.leadDepartment = leadDepartment;
        this.period = period;
        this.status = status;
        this.goals = new ArrayList<>(goals);
        this.ratingForm = ratingForm;
    }

    /** A new campaign, open for rating. */
    public static Campaign launch(String code, int rank, LocalizedText name, LocalizedText description,
            Department leadDepartment, Period period, List<Goal> goals, RatingForm ratingForm) {
        return new Campaign(code, rank, name, description, leadDepartment, period, CampaignStatus.ACTIVE, goals,
                ratingForm);
    }

    public boolean isOpenForRating() {
        return status == CampaignStatus.ACTIVE;
    }

    public void suspend() {
        requireStatus(CampaignStatus.ACTIVE, "suspend");
        status = CampaignStatus.SUSPENDED;
    }

    public void resume() {
        requireStatus(CampaignStatus.SUSPENDED, "resume");
        status = CampaignStatus.ACTIVE;
    }

    public void complete() {
        Assert.state(status != CampaignStatus.COMPLETED, () -> "Campaign " + code + " is already completed");
        status = CampaignStatus.COMPLETED;
    }

    /** An official moves a goal's target (the goal keeps its type and unit). */
    public void reviseGoalTarget(String goalCode, BigDecimal target) {
        Goal goal = goal(goalCode);
        goals.set(goals.indexOf(goal), goal.withTarget(target));
    }

    public Goal goal(String goalCode) {
        return goals.stream()
                .filter(goal -> goal.code().equals(goalCode))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Campaign " + code + " has no goal " + goalCode));
    }

    public String getCode() {
        return code;
    }

    public int getRank() {
        return rank;
    }

    public LocalizedText getName() {
        return name;
    }

    public LocalizedText getDescription() {
        return description;
    }

    public Department getLeadDepartment() {
        return leadDepartment;
    }

    public Period getPeriod() {
        return period;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public List<Goal> getGoals() {
        return List.copyOf(goals);
    }

    public int getFormVersion() {
        return Math.max(1, formVersion);
    }

    public RatingForm getRatingForm() {
        return ratingForm != null ? ratingForm : RatingForm.general();
    }

    public @Nullable Instant getUpdatedAt() {
        return updatedAt;
    }

    private void requireStatus(CampaignStatus expected, String action) {
        Assert.state(status == expected, () -> "Cannot " + action + " campaign " + code + " while it is " + status);
    }

    private static void requireDistinctCodes(List<Goal> goals) {
        Assert.notNull(goals, "A campaign's goals cannot be null");
        long distinct = goals.stream().map(Goal::code).distinct().count();
        Assert.isTrue(distinct == goals.size(), "Goal codes must be unique within a campaign");
    }
}
