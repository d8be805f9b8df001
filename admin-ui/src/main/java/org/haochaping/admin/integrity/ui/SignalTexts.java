package org.haochaping.admin.integrity.ui;

import java.time.Duration;
import java.util.Locale;

import org.haochaping.badreview.Unit;
import org.haochaping.badreview.UnitNames;
import org.haochaping.campaign.SubjectCatalog;
import org.haochaping.integrity.Evidence;
import org.haochaping.integrity.Signal;
import org.haochaping.integrity.SignalKind;
import org.haochaping.integrity.SignalStatus;
import org.haochaping.region.RegionTree;
import org.haochaping.system.Figures;
import org.haochaping.system.Labels;

/** The signals in officials' words: kinds, statuses, what they are about and why they fired. */
final class SignalTexts {

    private final SubjectCatalog subjects;
    private final RegionTree regions;
    private final UnitNames units;
    private final Labels labels;

    SignalTexts(SubjectCatalog subjects, RegionTree regions, UnitNames units, Labels labels) {
        this.subjects = subjects;
        this.regions = regions;
        this.units = units;
        this.labels = labels;
    }

    String kind(SignalKind kind) {
        return labels.text("signal.kind." + kind.name());
    }

    String status(SignalStatus status) {
        return labels.text("signal.status." + status.name());
    }

    /** What the signal is about, by name where there is one. */
    String scope(Signal signal) {
        String scope = signal.getScope();
        return switch (signal.getKind()) {
            case SUBJECT_BURST, NEW_RESIDENTS, STAFF_ENTERED -> signal.getCampaignCode() == null ? scope
                    : subjects.find(signal.getCampaignCode(), scope).map(subject -> subject.name().zh()).orElse(scope);
            case TOWN_BURST -> regions.find(scope).map(region -> region.name().zh()).orElse(scope);
            case SHARED_DEVICE -> "设备 " + scope + "…";
            case SHARED_NETWORK -> "网段 " + scope + "…";
            case GOOD_AFTER_CONTACT -> unitName(scope);
        };
    }

    /** Why it fired, with the numbers an official can check. */
    static String evidence(Signal signal) {
        Evidence e = signal.getEvidence();
        String window = span(Duration.between(e.windowStart(), e.windowEnd()));
        return switch (signal.getKind()) {
            case SUBJECT_BURST, TOWN_BURST -> String.format(Locale.ROOT,
                    "%s内 %s 条评价（%s 位群众）；此前 %s 共 %s 条，按此速率预期 %s 条；泊松检验 P(≥%d) = %.1e",
                    window, Figures.count(e.count()), Figures.count(e.residents()),
                    span(Duration.between(e.baselineFrom(), e.windowStart())), Figures.count(e.baselineCount()),
                    String.format(Locale.ROOT, "%.2f", e.expected()), e.count(), e.pValue());
            case SHARED_DEVICE -> String.format(Locale.ROOT, "同一设备%s内有 %s 位不同群众评价 %s 条（大厅评价器除外）", window,
                    Figures.count(e.residents()), Figures.count(e.count()));
            case SHARED_NETWORK -> String.format(Locale.ROOT, "同一网段（IPv4 /24、IPv6 /48）%s内有 %s 位不同群众评价 %s 条", window,
                    Figures.count(e.residents()), Figures.count(e.count()));
            case NEW_RESIDENTS -> String.format(Locale.ROOT, "%s内 %s 条评价中 %s 来自首次评价不久的新用户（%s 条）", window,
                    Figures.count(e.count()), percent(e.share()), Figures.count(e.ratingIds().size()));
            case STAFF_ENTERED -> String.format(Locale.ROOT, "%s内 %s 条评价中 %s 由工作人员代评或系统录入（%s 条）", window,
                    Figures.count(e.count()), percent(e.share()), Figures.count(e.ratingIds().size()));
            case GOOD_AFTER_CONTACT -> String.format(Locale.ROOT,
                    "%s 件差评回访后不久，同一群众又给出好评 %s 条（占该单位此间回访的 %s）", Figures.count(e.caseIds().size()),
                    Figures.count(e.count()), percent(e.share()));
        };
    }

    private String unitName(String key) {
        try {
            return units.zh(Unit.ofKey(key));
        } catch (IllegalArgumentException notAUnit) {
            return key;
        }
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String span(Duration duration) {
        if (duration.toHours() >= 24 && duration.toHours() % 24 == 0) {
            return duration.toDays() + " 天";
        }
        return duration.toMinutes() >= 60 && duration.toMinutes() % 60 == 0 ? duration.toHours() + " 小时"
                : duration.toMinutes() + " 分钟";
    }
}
