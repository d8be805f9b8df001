package org.haochaping.servicecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignStewardship;
import org.haochaping.campaign.Eligibility;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.campaign.SubjectKind;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ResidentErased;
import org.haochaping.identity.Role;
import org.haochaping.system.problem.Problems.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Where completed cases (办件) of 一事一评 campaigns are registered (by the service system, as JSON
 * or CSV) and where the rating path asks whether a resident may rate a case. A batch is checked as
 * a whole, conflicts included, before anything is stored. Idempotent by campaign and case number.
 */
@Service
public class ServiceCaseRegistry {

    /** What a registration did: cases stored now, and cases already stored with the same values. */
    public record Result(int registered, int unchanged) {
    }

    private final ServiceCases cases;
    private final CampaignCatalog campaigns;
    private final CampaignStewardship stewardship;
    private final SubjectCatalog subjects;
    private final AccessGuard guard;
    private final Clock clock;

    ServiceCaseRegistry(ServiceCases cases, CampaignCatalog campaigns, CampaignStewardship stewardship,
            SubjectCatalog subjects, AccessGuard guard, Clock clock) {
        this.cases = cases;
        this.campaigns = campaigns;
        this.stewardship = stewardship;
        this.subjects = subjects;
        this.guard = guard;
        this.clock = clock;
    }

    /** The JSON batch; problems are reported as {@code cases[i].<field>}. */
    public Result register(Actor official, String campaignCode, List<ServiceCaseEntry> batch) {
        Campaign campaign = campaignFor(official, campaignCode);
        List<ServiceCaseChecks.Labeled> labeled = IntStream.range(0, batch.size())
                .mapToObj(i -> new ServiceCaseChecks.Labeled("cases[" + i + "]", batch.get(i))).toList();
        return registerChecked(official, campaign, labeled, List.of());
    }

    /** The CSV import; problems are reported as {@code row <n>.<column>}. */
    public Result importCsv(Actor official, String campaignCode, String csv) {
        Campaign campaign = campaignFor(official, campaignCode);
        ServiceCaseCsv.Read read = ServiceCaseCsv.read(csv);
        return registerChecked(official, campaign, read.cases(), read.problems());
    }

    /**
     * Cases the demo generator makes up for its synthetic residents: in-process only, for a
     * campaign rated per case, without an official behind it.
     */
    public void registerGenerated(String campaignCode, List<ServiceCaseEntry> generated) {
        Campaign campaign = campaigns.get(campaignCode);
        store(campaign, generated.stream().map(entry -> new ServiceCaseChecks.Labeled("generated", entry)).toList(),
                List.of());
    }

    /**
     * Whether {@code resident} may rate case {@code caseNumber} of the campaign as a rating of
     * {@code subjectId}: the case is registered, the resident is its applicant and the subject its item.
     * One answer for "no such case" and "someone else's", so nobody learns which numbers exist.
     */
    public boolean isRatableBy(String resident, String campaignCode, String caseNumber, String subjectId) {
        return cases.findById(ServiceCase.idOf(campaignCode, caseNumber))
                .filter(found -> found.isRatableBy(resident, subjectId))
                .isPresent();
    }

    /** The cases a resident applied for, newest first: part of what the system holds about them (for their data copy). */
    public List<ServiceCase> casesOf(String applicant) {
        return cases.findByApplicantOrderByCompletedAtDesc(applicant);
    }

    /**
     * An erased account's cases lose their applicant: they stay registered (so a re-registration of the
     * number conflicts rather than handing the case to someone new) and nobody can rate them any more.
     */
    @EventListener
    void forgetApplicant(ResidentErased erased) {
        cases.saveAll(cases.findByApplicantOrderByCompletedAtDesc(erased.subject()).stream()
                .map(ServiceCase::withoutApplicant).toList());
    }

    private Campaign campaignFor(Actor official, String campaignCode) {
        guard.require(official.has(Role.SUPERVISOR) || official.has(Role.MANAGER), official, "REGISTER_SERVICE_CASES",
                "campaign:" + campaignCode);
        Campaign campaign = campaigns.get(campaignCode);
        guard.require(stewardship.canChange(official, campaign), official, "REGISTER_SERVICE_CASES",
                "campaign:" + campaignCode);
        if (campaign.getRatingForm().eligibility() != Eligibility.ONE_PER_CASE) {
            throw ServiceCaseRefusedException.notPerCase(campaignCode);
        }
        return campaign;
    }

    private Result registerChecked(Actor official, Campaign campaign, List<ServiceCaseChecks.Labeled> labeled,
            List<FieldProblem> unread) {
        Result result = store(campaign, labeled, unread);
        guard.recordChange(official, "SERVICE_CASES_REGISTERED", "campaign:" + campaign.getCode()
                + " registered:" + result.registered() + " unchanged:" + result.unchanged());
        return result;
    }

    private Result store(Campaign campaign, List<ServiceCaseChecks.Labeled> labeled, List<FieldProblem> unread) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>(unread);
        problems.addAll(ServiceCaseChecks.problems(labeled, subjectId -> isServiceItem(campaign, subjectId), now));
        if (!problems.isEmpty()) {
            throw ServiceCaseRefusedException.invalid(problems);
        }
        List<ServiceCaseEntry> entries = labeled.stream().map(ServiceCaseChecks.Labeled::entry).toList();
        Map<String, ServiceCase> stored = cases.findAllById(entries.stream()
                        .map(entry -> ServiceCase.idOf(campaign.getCode(), entry.caseNumber())).toList())
                .stream().collect(Collectors.toMap(ServiceCase::caseNumber, Function.identity()));
        List<ServiceCase> fresh = new ArrayList<>();
        for (ServiceCaseEntry entry : entries) {
            ServiceCase earlier = stored.get(entry.caseNumber());
            if (earlier == null) {
                fresh.add(new ServiceCase(ServiceCase.idOf(campaign.getCode(), entry.caseNumber()), campaign.getCode(),
                        entry.caseNumber(), entry.subjectId(), entry.applicant(), entry.completedAt(), now));
            } else if (!earlier.sameAs(entry)) {
                throw ServiceCaseRefusedException.conflict(entry.caseNumber());
            }
        }
        if (!fresh.isEmpty()) {
            try {
                cases.insert(fresh);
            } catch (DuplicateKeyException concurrentRegistration) {
                // Another call registered some of them meanwhile: read again, they are now unchanged or a conflict.
                return store(campaign, labeled, unread);
            }
        }
        return new Result(fresh.size(), entries.size() - fresh.size());
    }

    private boolean isServiceItem(Campaign campaign, String subjectId) {
        return subjects.find(campaign.getCode(), subjectId).filter(subject -> subject.kind() == SubjectKind.SERVICE_ITEM)
                .isPresent();
    }
}
