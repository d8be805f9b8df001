package org.haochaping.admin.campaign.ui;

import org.haochaping.campaign.CampaignStatus;
import org.haochaping.system.Labels;

import com.vaadin.flow.component.html.Span;

/** A campaign's status as a coloured Lumo badge with its name in the backend's words. */
final class StatusBadge extends Span {

    StatusBadge(Labels labels, CampaignStatus status) {
        super(labels.of(status));
        getElement().getThemeList().add("badge");
        getElement().getThemeList().add(theme(status));
    }

    private static String theme(CampaignStatus status) {
        return switch (status) {
            case PLANNED -> "contrast";
            case ACTIVE -> "success";
            case SUSPENDED -> "error";
            case COMPLETED -> "primary";
        };
    }
}
