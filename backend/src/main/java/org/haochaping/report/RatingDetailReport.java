package org.haochaping.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.CaseRecords;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingCursor;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.Table;
import org.haochaping.system.Labels;
import org.springframework.stereotype.Component;

/**
 * 评价明细: every rating of the scope and period (invalidated ones too, marked), with its case's status,
 * streamed from the database cursor to the file. Residents appear as pseudonyms drawn for this export;
 * no device or address hash is read into it. Comments only for SUPERVISORs: an AUDITOR checks figures,
 * and a file that leaves the system carries residents' own words only where someone acts on them.
 */
@Component
class RatingDetailReport implements ReportContent {

    /** Ratings whose cases are looked up together: one read by ids per batch. */
    static final int BATCH = 500;

    private final RatingCursor ratings;
    private final CaseRecords cases;
    private final ReportRecords records;
    private final ReportTitles titles;
    private final ReportFigures figures;
    private final Labels labels;

    RatingDetailReport(RatingCursor ratings, CaseRecords cases, ReportRecords records, ReportTitles titles,
            ReportFigures figures, Labels labels) {
        this.ratings = ratings;
        this.cases = cases;
        this.records = records;
        this.titles = titles;
        this.figures = figures;
        this.labels = labels;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.RATING_DETAIL;
    }

    static boolean showsComments(Actor actor) {
        return actor.has(Role.SUPERVISOR);
    }

    @Override
    public Prepared prepare(Actor actor, ReportRequest request) {
        List<Campaign> scope = records.campaigns(actor, request);
        boolean comments = showsComments(actor);
        List<Column> columns = new ArrayList<>(List.of(Column.text("评价编号"), Column.text("攻坚行动"), Column.text("评价对象"),
                Column.text("乡镇"), Column.text("评价区域"), Column.count("等级"), Column.text("等级名称"), Column.text("类别"),
                Column.text("原因"), Column.text("渠道"), Column.text("来源"), Column.dateTime("评价时间"), Column.text("评价人（化名）"),
                Column.text("计入统计"), Column.text("工单状态"), Column.count("照片数")));
        if (comments) {
            columns.add(Column.text("评价内容"));
        }
        Instant from = records.start(request);
        Instant to = records.end(request);
        Pseudonyms pseudonyms = new Pseudonyms();
        Table table = new Table("评价明细", columns, row -> scope.forEach(campaign ->
                new CampaignRows(campaign, pseudonyms, comments, row).readBetween(from, to)));
        long expected = figures.of(actor, request).total().count();
        return new Prepared(new ReportDocument(titles.title(request, "评价明细"), titles.subtitle(request), List.of(table)), expected);
    }

    /** The rows of one campaign, its ratings read in batches whose cases are looked up together. */
    private final class CampaignRows {

        private final Campaign campaign;
        private final Pseudonyms pseudonyms;
        private final boolean comments;
        private final Consumer<Object[]> row;
        private final Map<String, String> subjectNames;
        private final Map<String, String> reasonNames = new HashMap<>();
        private final List<Rating> batch = new ArrayList<>(BATCH);

        CampaignRows(Campaign campaign, Pseudonyms pseudonyms, boolean comments, Consumer<Object[]> row) {
            this.campaign = campaign;
            this.pseudonyms = pseudonyms;
            this.comments = comments;
            this.row = row;
            this.subjectNames = records.subjectNames(campaign);
            campaign.getRatingForm().goodReasons().forEach(this::name);
            campaign.getRatingForm().badReasons().forEach(this::name);
        }

        private void name(ReasonTag tag) {
            reasonNames.put(tag.code(), tag.label().zh());
        }

        void readBetween(Instant from, Instant to) {
            ratings.forEachRated(campaign.getCode(), from, to, rating -> {
                batch.add(rating);
                if (batch.size() == BATCH) {
                    flush();
                }
            });
            flush();
        }

        private void flush() {
            Map<String, BadReviewCase> byId = cases.byRatingIds(batch.stream().filter(Rating::isBad).map(Rating::id).toList());
            batch.forEach(rating -> row.accept(cells(rating, byId.get(rating.id()))));
            batch.clear();
        }

        private Object[] cells(Rating rating, @org.jspecify.annotations.Nullable BadReviewCase c) {
            List<Object> cells = new ArrayList<>(List.of(rating.id(), campaign.getName().zh(),
                    rating.subjectId() == null ? "（整体评价）" : subjectNames.getOrDefault(rating.subjectId(), rating.subjectId()),
                    records.regionName(rating.townCode()), records.regionName(rating.regionCode()), (long) rating.level(),
                    labels.text("rating.level." + rating.level()), rating.isBad() ? "差评" : "好评",
                    String.join("、", rating.reasonTags().stream().map(tag -> reasonNames.getOrDefault(tag, tag)).toList()),
                    labels.of(rating.channel()), labels.of(rating.provenance().origin()),
                    records.local(rating.ratedAt()), pseudonyms.of(rating.resident()),
                    rating.invalidated() ? "否（申诉成立）" : "是",
                    c == null ? (rating.isBad() ? "待受理" : "") : caseStatus(c), (long) rating.photoIds().size()));
            if (comments) {
                cells.add(rating.comment() == null ? "" : rating.comment());
            }
            return cells.toArray();
        }

        private String caseStatus(BadReviewCase c) {
            return c.getOutcome() == null ? labels.text("case.status." + c.getStatus().name())
                    : labels.text("case.status." + c.getStatus().name()) + "（" + labels.text("case.outcome." + c.getOutcome().name()) + "）";
        }

    }
}
