package org.haochaping.admin.base.ui;

import org.haochaping.satisfaction.AttainmentStatus;
import org.haochaping.system.Labels;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Span;

/**
 * Goal statuses as officials read them: the words are the backend's ({@link Labels}, as the API and
 * the reports say them); the badge theme and the chart colour of each are the console's.
 */
@Component
public class StatusLabels {

    private final Labels labels;

    public StatusLabels(Labels labels) {
        this.labels = labels;
    }

    public String label(AttainmentStatus status) {
        return labels.of(status);
    }

    public Span badge(AttainmentStatus status) {
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
