package org.haochaping.admin.badreview.ui;

import org.haochaping.badreview.UnitNames;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.haochaping.badreview.Escalation;
import org.haochaping.badreview.QueueEntry;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.region.RegionTree;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Queue entries as grid rows, the same in the 差评工单 and the 申诉复核 queue: campaign, subject and
 * town, level, status, unit, deadline with the working days left, and the flags 即将到期, 已逾期,
 * 督办 and 申诉中. Everything comes from the queue entry; names from the catalogs.
 */
final class CaseRows {

    private final CaseLabels labels;
    private final UnitNames units;
    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final WorkingDays days;
    private final Instant now;
    private final Map<String, Campaign> campaigns;

    CaseRows(CaseLabels labels, UnitNames units, CampaignCatalog catalog, SubjectCatalog subjects, RegionTree regions,
            WorkingDays days, Clock clock) {
        this.labels = labels;
        this.units = units;
        this.subjects = subjects;
        this.regions = regions;
        this.days = days;
        this.now = clock.instant();
        this.campaigns = catalog.list(null).stream().collect(Collectors.toMap(Campaign::getCode, Function.identity()));
    }

    void configure(Grid<QueueEntry> grid) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(entry -> campaignName(entry.campaignCode())).setHeader("攻坚行动").setFlexGrow(2);
        grid.addComponentColumn(this::subjectCell).setHeader("评价对象 / 镇").setFlexGrow(2);
        grid.addColumn(entry -> entry.level() == 0 ? "—" : labels.level(entry.level())).setHeader("等级").setAutoWidth(true);
        grid.addColumn(entry -> labels.status(entry.status())).setHeader("状态").setAutoWidth(true);
        grid.addColumn(entry -> units.zh(entry.unit())).setHeader("承办单位").setFlexGrow(1);
        grid.addColumn(this::deadline).setHeader("办理时限").setFlexGrow(2);
        grid.addComponentColumn(this::flags).setHeader("标记").setFlexGrow(1);
        grid.addComponentColumn(CaseRows::open).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    String campaignName(String code) {
        Campaign campaign = campaigns.get(code);
        return campaign == null ? code : campaign.getName().zh();
    }

    private Div subjectCell(QueueEntry entry) {
        Span subject = new Span(entry.subjectId() == null ? "全县整体评价"
                : subjects.find(entry.campaignCode(), entry.subjectId()).map(found -> found.name().zh()).orElse(entry.subjectId()));
        Span town = new Span(entry.townCode() == null ? "县级"
                : regions.find(entry.townCode()).map(region -> region.name().zh()).orElse(entry.townCode()));
        town.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        return new Div(subject, town);
    }

    private String deadline(QueueEntry entry) {
        if (entry.dueAt() != null) {
            return Deadlines.of(entry.dueAt(), now, days);
        }
        return entry.rerateBy() == null ? "—" : "待群众复评，截至 " + Deadlines.at(entry.rerateBy(), days);
    }

    HorizontalLayout flags(QueueEntry entry) {
        HorizontalLayout flags = new HorizontalLayout();
        flags.setSpacing(false);
        flags.addClassNames(LumoUtility.Gap.XSMALL, LumoUtility.FlexWrap.WRAP);
        if (entry.dueAt() != null && !entry.overdue() && days.isDueSoon(now, entry.dueAt())) {
            flags.add(badge(labels.flag("DUE_SOON"), "warning"));
        }
        if (entry.overdue()) {
            flags.add(badge(labels.flag("OVERDUE"), "error"));
        }
        if (entry.supervised() || entry.escalation() != Escalation.NONE) {
            flags.add(badge(labels.flag("SUPERVISED"), "error primary"));
        }
        if (entry.appealPending()) {
            flags.add(badge(labels.flag("APPEAL_PENDING"), "contrast"));
        }
        return flags;
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        for (String variant : theme.split(" ")) {
            badge.getElement().getThemeList().add(variant);
        }
        badge.addClassName("case-flag");
        return badge;
    }

    private static RouterLink open(QueueEntry entry) {
        RouterLink link = new RouterLink("查看办理", CaseView.class, new RouteParameters("id", entry.caseId()));
        link.setId("open-" + entry.caseId());
        return link;
    }
}
