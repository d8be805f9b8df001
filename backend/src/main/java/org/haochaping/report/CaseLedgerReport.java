package org.haochaping.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseRecords;
import org.haochaping.badreview.UnitNames;
import org.haochaping.campaign.Campaign;
import org.haochaping.identity.Actor;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.Table;
import org.haochaping.system.Labels;
import org.springframework.stereotype.Component;

/**
 * 整改台账: the 差评 cases opened in the period, one row each, with the unit, the deadlines, the
 * disposition, how many evidence photos back the rectification, the re-ratings and the outcome. No
 * resident, no comment: the ledger follows the units' work.
 */
@Component
class CaseLedgerReport implements ReportContent {

    private final CaseRecords cases;
    private final ReportRecords records;
    private final UnitNames units;
    private final ReportTitles titles;
    private final ReportFigures figures;
    private final Labels labels;

    CaseLedgerReport(CaseRecords cases, ReportRecords records, UnitNames units, ReportTitles titles, ReportFigures figures,
            Labels labels) {
        this.cases = cases;
        this.records = records;
        this.units = units;
        this.titles = titles;
        this.figures = figures;
        this.labels = labels;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.CASE_LEDGER;
    }

    @Override
    public Prepared prepare(Actor actor, ReportRequest request) {
        List<Campaign> scope = records.campaigns(actor, request);
        Instant from = records.start(request);
        Instant to = records.end(request);
        List<Column> columns = List.of(Column.text("工单编号"), Column.text("攻坚行动"), Column.text("评价对象"), Column.text("乡镇"),
                Column.text("承办单位"), Column.count("差评等级"), Column.dateTime("受理时间"), Column.dateTime("回访期限"),
                Column.dateTime("回访时间"), Column.text("处理方式"), Column.dateTime("办结期限"), Column.dateTime("整改完成时间"),
                Column.count("整改证据照片"), Column.text("状态"), Column.text("是否逾期"), Column.text("督办"),
                Column.count("复评次数"), Column.text("办结结果"), Column.text("申诉"), Column.count("办理工作日"));
        Table table = new Table("整改台账", columns, row -> scope.forEach(campaign -> {
            Map<String, String> subjectNames = records.subjectNames(campaign);
            cases.forEachOpened(campaign.getCode(), from, to, c -> row.accept(cells(campaign, subjectNames, c)));
        }));
        long expected = figures.of(actor, request).handling().cases();
        return new Prepared(new ReportDocument(titles.title(request, "差评整改台账"), titles.subtitle(request), List.of(table)),
                expected);
    }

    private Object[] cells(Campaign campaign, Map<String, String> subjectNames, BadReviewCase c) {
        var disposition = c.getDisposition();
        var rectification = c.getRectification();
        var appeal = c.getAppeal();
        return new Object[] {c.getId(), campaign.getName().zh(),
                c.getSubjectId() == null ? "（整体评价）" : subjectNames.getOrDefault(c.getSubjectId(), c.getSubjectId()),
                records.regionName(c.getTownCode()),
                units.zh(c.getUnit()), (long) c.getRatingLevel(), records.local(c.getOpenedAt()), records.local(c.getContactDueAt()),
                c.getContact() == null ? null : records.local(c.getContact().at()),
                disposition == null ? "" : labels.text("case.disposition." + disposition.kind().name()),
                records.local(c.getDueAt()), rectification == null ? null : records.local(rectification.at()),
                rectification == null ? 0L : (long) rectification.photoIds().size(),
                labels.text("case.status." + c.getStatus().name()), c.isOverdue() ? "逾期" : "",
                c.isSupervised() ? "督办" : "", (long) c.getReratings().size(),
                c.getOutcome() == null ? "" : labels.text("case.outcome." + c.getOutcome().name()),
                appeal == null ? "" : labels.text("case.appeal-state." + appeal.state().name()),
                c.getHandledAt() == null ? null : (long) c.getHandlingDays()};
    }

}
