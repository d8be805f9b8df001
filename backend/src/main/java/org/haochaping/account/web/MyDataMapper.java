package org.haochaping.account.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.haochaping.account.ResidentData;
import org.haochaping.api.model.AppealReasonDto;
import org.haochaping.api.model.AppealStateDto;
import org.haochaping.api.model.CaseContactDto;
import org.haochaping.api.model.CaseDispositionDto;
import org.haochaping.api.model.CaseEventTypeDto;
import org.haochaping.api.model.CaseOutcomeDto;
import org.haochaping.api.model.CaseReratingDto;
import org.haochaping.api.model.CaseStatusDto;
import org.haochaping.api.model.ChannelDto;
import org.haochaping.api.model.ContactMethodDto;
import org.haochaping.api.model.DispositionKindDto;
import org.haochaping.api.model.FindingDto;
import org.haochaping.api.model.FollowUpDto;
import org.haochaping.api.model.MeDto;
import org.haochaping.api.model.MyDataAppealDto;
import org.haochaping.api.model.MyDataAuditEntryDto;
import org.haochaping.api.model.MyDataCaseDto;
import org.haochaping.api.model.MyDataCaseStepDto;
import org.haochaping.api.model.MyDataDto;
import org.haochaping.api.model.MyDataHomeRegionDto;
import org.haochaping.api.model.MyDataServiceCaseDto;
import org.haochaping.api.model.MyDataNotificationDto;
import org.haochaping.api.model.MyDataPhotoDto;
import org.haochaping.api.model.MyDataProvenanceDto;
import org.haochaping.api.model.MyDataRatingDto;
import org.haochaping.api.model.NotificationTypeDto;
import org.haochaping.api.model.RatingOriginDto;
import org.haochaping.api.model.ReviewStatusDto;
import org.haochaping.api.model.UnitKindDto;
import org.haochaping.api.model.UnitRefDto;
import org.haochaping.api.model.VerdictDto;
import org.haochaping.badreview.Appeal;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseEvent;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.Disposition;
import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.media.PhotoLibrary.UploadedPhoto;
import org.haochaping.notification.Notification;
import org.haochaping.rating.Provenance;
import org.haochaping.rating.Rating;
import org.haochaping.servicecase.ServiceCase;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A resident's data as the contract's {@code MyData}: everything stored, field by field, except the
 * officials' subjects on a case's steps and appeal (theirs, not the resident's). Written by hand:
 * it gathers four features' records into one document, mostly by name-for-name enum copies.
 */
@Component
class MyDataMapper {

    MyDataDto toDto(ResidentData data, MeDto identity) {
        return new MyDataDto(time(data.generatedAt()), identity,
                data.serviceCases().stream().map(MyDataMapper::serviceCase).toList(),
                data.ratings().stream().map(this::rating).toList(),
                data.photos().stream().map(MyDataMapper::photo).toList(),
                data.notifications().stream().map(MyDataMapper::notification).toList(),
                data.auditEntries().stream().map(MyDataMapper::auditEntry).toList())
                .homeRegion(data.homeRegion() == null ? null
                        : new MyDataHomeRegionDto(data.homeRegion().regionCode(), time(data.homeRegion().chosenAt())));
    }

    private static MyDataServiceCaseDto serviceCase(ServiceCase c) {
        return new MyDataServiceCaseDto(c.campaignCode(), c.caseNumber(), c.subjectId(), time(c.completedAt()),
                time(c.registeredAt()));
    }

    private MyDataRatingDto rating(ResidentData.RatedItem item) {
        Rating r = item.rating();
        return new MyDataRatingDto(r.id(), r.campaignCode(), r.regionCode(), r.level(), r.indicatorScores(), r.reasonTags(),
                r.photoIds(), ChannelDto.fromValue(r.channel().name()), time(r.submittedAt()), time(r.ratedAt()),
                ReviewStatusDto.fromValue(item.status().name()), r.invalidated(),
                r.followUps().stream().map(f -> new FollowUpDto(f.comment(), time(f.at()))).toList(), provenance(r.provenance()))
                .subjectId(r.subjectId())
                .townCode(r.townCode())
                .comment(r.comment())
                .caseNumber(r.caseNumber())
                .clientSubmittedAt(timeOrNull(r.clientSubmittedAt()))
                ._case(item.badReviewCase() == null ? null : badReviewCase(item.badReviewCase()));
    }

    private static MyDataProvenanceDto provenance(Provenance p) {
        return new MyDataProvenanceDto(RatingOriginDto.fromValue(p.origin().name()))
                .appVersion(p.appVersion()).deviceHash(p.deviceHash()).ipHash(p.ipHash());
    }

    private static MyDataCaseDto badReviewCase(BadReviewCase c) {
        return new MyDataCaseDto(CaseStatusDto.fromValue(c.getStatus().name()),
                new UnitRefDto(UnitKindDto.fromValue(c.getUnit().kind().name()), c.getUnit().code()), time(c.getOpenedAt()),
                c.getRectification() == null ? List.of() : c.getRectification().photoIds(),
                c.getReratings().stream().map(r -> new CaseReratingDto(VerdictDto.fromValue(r.verdict().name()), time(r.at()))).toList(),
                c.getEvents().stream().map(MyDataMapper::step).toList())
                .contact(c.getContact() == null ? null : contact(c.getContact()))
                .disposition(c.getDisposition() == null ? null : disposition(c.getDisposition()))
                .appeal(c.getAppeal() == null ? null : appeal(c.getAppeal()))
                .outcome(c.getOutcome() == null ? null : CaseOutcomeDto.fromValue(c.getOutcome().name()))
                .closedAt(timeOrNull(c.getClosedAt()));
    }

    private static CaseContactDto contact(Contact contact) {
        return new CaseContactDto(time(contact.at()), ContactMethodDto.fromValue(contact.method().name()),
                FindingDto.fromValue(contact.finding().name()), contact.note());
    }

    private static CaseDispositionDto disposition(Disposition d) {
        return new CaseDispositionDto(DispositionKindDto.fromValue(d.kind().name()), time(d.decidedAt()))
                .plan(d.plan()).explanation(d.explanation()).dueAt(timeOrNull(d.dueAt()));
    }

    private static MyDataAppealDto appeal(Appeal a) {
        return new MyDataAppealDto(AppealReasonDto.fromValue(a.reason().name()), a.evidence(), time(a.filedAt()),
                AppealStateDto.fromValue(a.state().name()))
                .decidedAt(timeOrNull(a.decidedAt())).decisionNote(a.decisionNote());
    }

    /** A step without its actor: the official who took it is not the resident's data. */
    private static MyDataCaseStepDto step(CaseEvent event) {
        return new MyDataCaseStepDto(time(event.at()), CaseEventTypeDto.fromValue(event.type().name())).note(event.note());
    }

    private static MyDataPhotoDto photo(UploadedPhoto p) {
        return new MyDataPhotoDto(p.id(), p.contentType(), p.width(), p.height(), p.size(), time(p.uploadedAt()))
                .ratingId(p.ratingId());
    }

    private static MyDataNotificationDto notification(Notification n) {
        return new MyDataNotificationDto(n.id(), time(n.at()), NotificationTypeDto.fromValue(n.type().name()), n.ratingId(),
                n.campaignCode(), n.read()).text(n.text());
    }

    private static MyDataAuditEntryDto auditEntry(AuditEntry e) {
        return new MyDataAuditEntryDto(time(e.at()), e.action(), e.target());
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime timeOrNull(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }
}
