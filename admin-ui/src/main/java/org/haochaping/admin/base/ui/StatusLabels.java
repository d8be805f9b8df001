package org.haochaping.admin.base.ui;

import org.haochaping.satisfaction.AttainmentStatus;

import com.vaadin.flow.component.html.Span;

/** Goal statuses as officials read them, with the badge colour of each. */
public final class StatusLabels {

    private StatusLabels() {
    }

    public static String label(AttainmentStatus status) {
        return switch (status) {
            case MET -> "已达成";
            case ON_TRACK -> "进展正常";
            case AT_RISK -> "有风险";
            case OFF_TRACK -> "未达预期";
            case INSUFFICIENT_DATA -> "样本不足";
            case NO_PROGRESS_REPORTED -> "未填报进度";
        };
    }

    public static Span badge(AttainmentStatus status) {
        Span badge = new Span(label(status));
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(switch (status) {
            case MET -> "success primary";
            case ON_TRACK -> "success";
            case AT_RISK -> "warning";
            case OFF_TRACK -> "error";
            case INSUFFICIENT_DATA, NO_PROGRESS_REPORTED -> "contrast";
        });
        return badge;
    }

    /** The colour of a status in charts (Lumo's success, warning, error and contrast hues). */
    public static String colour(AttainmentStatus status) {
        return switch (status) {
            case MET, ON_TRACK -> "#2e7d32";
            case AT_RISK -> "#ef6c00";
            case OFF_TRACK -> "#c62828";
            case INSUFFICIENT_DATA, NO_PROGRESS_REPORTED -> "#78909c";
        };
    }
}
