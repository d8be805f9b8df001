package org.haochaping.report;

import java.util.List;

import org.haochaping.campaign.Campaign;
import org.haochaping.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * 报表中心: officials ask for reports, follow their progress and download them. Role and scope are
 * checked here, for the API and the console alike.
 */
@Service
public class ReportCenter {

    /** Queues a report; refused (403, audited) outside the actor's role and scope, 400/422 for a bad request. */
    public ReportJob submit(Actor actor, ReportRequest request) {
        throw new UnsupportedOperationException("in progress");
    }

    /** One job the actor may see (their own, or a scheduled report in their scope); 404 otherwise. */
    public ReportJob job(Actor actor, String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The jobs the actor may see, newest first: their own and the scheduled reports in their scope. */
    public List<ReportJob> visibleTo(Actor actor, int limit) {
        throw new UnsupportedOperationException("in progress");
    }

    /** A finished job's file (409 REPORT_NOT_READY before); the download is audited. */
    public ReportFile file(Actor actor, String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The first page of a finished PDF report as a PNG, for the console's preview. */
    public byte[] previewPng(Actor actor, String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The kinds the actor may ask for (评价明细 only for SUPERVISORs and AUDITORs). */
    public List<ReportKind> kindsFor(Actor actor) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The campaigns the actor may report on, in report order. */
    public List<Campaign> campaignsFor(Actor actor) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Whether the actor may report on the whole county (SUPERVISORs and AUDITORs). */
    public boolean mayReportCountyWide(Actor actor) {
        throw new UnsupportedOperationException("in progress");
    }
}
