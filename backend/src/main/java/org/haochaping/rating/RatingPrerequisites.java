package org.haochaping.rating;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Eligibility;
import org.haochaping.region.RegionTree;
import org.haochaping.residence.HomeRegions;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules of a rating that depend on what is stored about the rater, checked after
 * {@link RatingRules}: a 一事一评 case must be the rater's own registered case of the rated item,
 * and a campaign-wide rating must lie in the rater's home region. Shared by submission and the
 * eligibility check, so both give the same answer.
 */
@Component
class RatingPrerequisites {

    private final ServiceCaseRegistry cases;
    private final HomeRegions homes;
    private final RegionTree regions;

    RatingPrerequisites(ServiceCaseRegistry cases, HomeRegions homes, RegionTree regions) {
        this.cases = cases;
        this.homes = homes;
        this.regions = regions;
    }

    /**
     * @param vouchedHome the home region the identity provider vouches for, if any
     * @throws RatingRejectedException {@code NO_MATCHING_CASE} (the same whether the case is unknown or
     *         someone else's, so case numbers cannot be probed), {@code HOME_REGION_REQUIRED} or
     *         {@code OUTSIDE_HOME_REGION}
     */
    void check(RatingRequest request, Campaign campaign, String resident, @Nullable String vouchedHome) {
        if (campaign.getRatingForm().eligibility() == Eligibility.ONE_PER_CASE) {
            String caseNumber = request.caseNumber();
            String subjectId = request.subjectId();
            if (caseNumber == null || subjectId == null
                    || !cases.isRatableBy(resident, campaign.getCode(), caseNumber, subjectId)) {
                throw new RatingRejectedException("NO_MATCHING_CASE");
            }
        }
        if (request.subjectId() == null) {
            String home = homes.of(resident, vouchedHome)
                    .orElseThrow(() -> new RatingRejectedException("HOME_REGION_REQUIRED"));
            if (!regions.isWithin(request.regionCode(), home)) {
                throw new RatingRejectedException("OUTSIDE_HOME_REGION", home);
            }
        }
    }
}
