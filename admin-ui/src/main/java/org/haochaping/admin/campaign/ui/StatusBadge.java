package org.haochaping.admin.campaign.ui;

import org.haochaping.campaign.CampaignStatus;

import com.vaadin.flow.component.html.Span;

/** A campaign's status as a coloured Lumo badge with its Chinese name. */
final class StatusBadge extends Span {

    StatusBadge(CampaignStatus status) {
        super(label(status));
        getElement().getThemeList().add("badge");
        getElement().getThemeList().add(theme(status));
    }

    static String label(CampaignStatus status) {
        return switch (status) {
            case PLANNED -> "未开始";
            case ACTIVE -> "进行中";
            case SUSPENDED -> "已暂停";
            case COMPLETED -> "已完成";
        };
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
